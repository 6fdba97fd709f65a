package org.symbiosiskb.eprtr;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart upload over the limit is refused before any controller runs, so its answer is given
 * here (the only multipart endpoint is the E-PRTR import): 413 in the service's error shape, naming
 * the limit (spring.servlet.multipart.* follow kb.limits.max-body-size).
 */
@RestControllerAdvice
class UploadTooLarge {

    private final DataSize limit;

    UploadTooLarge(org.symbiosiskb.api.QueryLimits limits) {
        this.limit = limits.maxBodySize();
    }

    @ExceptionHandler
    ResponseEntity<EprtrImportController.Errors> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new EprtrImportController.Errors(List.of(Map.of("pointer", "",
                "message", "upload size exceeds kb.limits.max-body-size " + limit.toMegabytes() + "MB; split the extract"))));
    }
}
