package org.symbiosiskb.eprtr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.exchange.ImportResult;
import org.symbiosiskb.api.Ids;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/imports/eprtr?partner=fi[&dryRun=true][&gwp=AR6]}, a multipart body with the
 * parts {@code facilities}, {@code releases} and {@code wasteTransfers}. The answer is the import's
 * counts and the conversion's summary, or 422 with every problem at its file, line and column.
 *
 * <p>With {@code Accept: application/x-ndjson} the answer is a stream of JSON lines as the import
 * goes, each with an {@code event}: {@code read} (a file's rows), {@code converted} (the records made),
 * {@code planned} (created, updated, unchanged), {@code written} (records written so far, of how many),
 * then one last line, {@code done} with the answer or {@code failed} with the status and errors it
 * would have had. Nothing is committed before {@code done}. The command line's progress bar shows
 * these counts (docs/eprtr.md).
 */
@RestController
@RequestMapping("/api/v1/imports/eprtr")
class EprtrImportController {

    static final String NDJSON = "application/x-ndjson";

    private final EprtrImportService imports;
    private final JsonMapper json;

    EprtrImportController(EprtrImportService imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    void importExtract(@RequestParam String partner, @RequestParam(defaultValue = "false") boolean dryRun,
                       @RequestParam(required = false) String gwp,
                       @RequestPart(name = EprtrFiles.FACILITIES, required = false) MultipartFile facilities,
                       @RequestPart(name = EprtrFiles.RELEASES, required = false) MultipartFile releases,
                       @RequestPart(name = EprtrFiles.WASTE_TRANSFERS, required = false) MultipartFile wasteTransfers,
                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                       HttpServletResponse response) throws IOException {
        if (!Ids.isValidPartner(partner)) {
            throw new IllegalArgumentException("partner must match " + Ids.PARTNER_FORM + ", found \"" + partner + "\"");
        }
        Gwp potentials = Gwp.parse(gwp);
        var uploads = new ArrayList<EprtrFiles.Upload>();
        var parts = new LinkedHashMap<String, MultipartFile>();
        parts.put(EprtrFiles.FACILITIES, facilities);
        parts.put(EprtrFiles.RELEASES, releases);
        parts.put(EprtrFiles.WASTE_TRANSFERS, wasteTransfers);
        for (var part : parts.entrySet()) {
            if (part.getValue() != null) {
                uploads.add(new EprtrFiles.Upload(part.getKey(), part.getValue().getOriginalFilename(), part.getValue().getBytes()));
            }
        }
        if (accept != null && accept.contains(NDJSON)) {
            stream(partner, potentials, dryRun, uploads, response);
        } else {
            var result = imports.importExtract(partner, potentials, dryRun, uploads, EprtrImportService.Listener.NONE);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), answer(result));
        }
    }

    /** The progress as JSON lines; a failure after the stream began is its last line, with the status it would have had. */
    private void stream(String partner, Gwp gwp, boolean dryRun, List<EprtrFiles.Upload> uploads, HttpServletResponse response)
            throws IOException {
        imports.requireWriter(partner); // a refused key still gets its 403, before the stream begins
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        var listener = new EprtrImportService.Listener() {
            @Override
            public void read(EprtrConverter.FileRead file) {
                line(out, event("read", "part", file.part(), "file", file.file(), "rows", file.rows()));
            }

            @Override
            public void converted(Conversion.Summary summary, int records) {
                line(out, event("converted", "records", records, "conversion", summary));
            }

            @Override
            public void planned(ImportResult plan) {
                line(out, event("planned", "records", plan.created() + plan.updated() + plan.unchanged() + plan.deleted(),
                        "created", plan.created(), "updated", plan.updated(), "unchanged", plan.unchanged(), "deleted", plan.deleted()));
            }

            @Override
            public void written(int records, int total) {
                line(out, event("written", "records", records, "of", total));
            }
        };
        try {
            var result = imports.importExtract(partner, gwp, dryRun, uploads, listener);
            line(out, event("done", "result", answer(result)));
        } catch (InvalidExtractException e) {
            line(out, event("failed", "status", 422, "errors", e.problems()));
        } catch (ForbiddenException e) {
            line(out, event("failed", "status", 403, "errors", List.of(Map.of("pointer", "", "message", e.getMessage()))));
        } catch (RuntimeException e) {
            // the status line is sent already: the failure is the stream's last line, its details in the log as for any request
            String reference = java.util.UUID.randomUUID().toString();
            log.error("E-PRTR import failed (reference {})", reference, e);
            line(out, event("failed", "status", 500, "errors", List.of(Map.of("pointer", "",
                    "message", "Internal error; the service log has the details under reference " + reference))));
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EprtrImportController.class);

    private void line(OutputStream out, Map<String, Object> event) {
        try {
            out.write(json.writeValueAsBytes(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the client went away", e);
        }
    }

    private static Map<String, Object> event(Object... keysAndValues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("event", keysAndValues[0]);
        for (int i = 1; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The import's answer ({@code created}, {@code updated}, … {@code byType}) with {@code dryRun} and {@code conversion} beside. */
    private static Map<String, Object> answer(EprtrImportService.Result result) {
        var m = new LinkedHashMap<String, Object>();
        var imported = result.imported();
        m.put("created", imported.created());
        m.put("updated", imported.updated());
        m.put("unchanged", imported.unchanged());
        m.put("deleted", imported.deleted());
        m.put("byType", imported.byType());
        m.put("dryRun", result.dryRun());
        m.put("conversion", result.conversion());
        return m;
    }

    record Errors(List<?> errors) {
    }

    @ExceptionHandler
    ResponseEntity<Errors> invalid(InvalidExtractException e) {
        return ResponseEntity.unprocessableContent().body(new Errors(e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<Errors> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Errors(List.of(Map.of("pointer", "", "message", e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Errors> badArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new Errors(List.of(Map.of("pointer", "", "message", e.getMessage()))));
    }
}
