package org.symbiosiskb.federation;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.pact.PactClient;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;

/**
 * {@code GET /api/v1/peers}: each peer's last success and last error (any partner's key);
 * {@code POST /api/v1/peers/{partner}/sync}: pull now (an ADMIN key). 200 when the pull succeeded,
 * 502 with the reason when the peer failed it.
 */
@RestController
@RequestMapping("/api/v1/peers")
class PeersController {

    private final PeerService peers;
    private final PactPeers pactPeers;

    PeersController(PeerService peers, PactPeers pactPeers) {
        this.peers = peers;
        this.pactPeers = pactPeers;
    }

    @GetMapping
    List<PeerState> peers() {
        if (!Callers.current().authenticated()) {
            throw new ForbiddenException("the peers' status is shown to partners' keys only");
        }
        return peers.peers();
    }

    @PostMapping("/{partner}/sync")
    ResponseEntity<PeerService.SyncResult> sync(@PathVariable String partner) {
        Caller caller = Callers.current();
        if (!caller.local() && !caller.admin()) {
            throw new ForbiddenException(caller.describe() + " may not start a pull: managing peers needs an ADMIN key");
        }
        var result = peers.sync(partner);
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(result);
    }

    /**
     * A PACT supplier (kind pact): asks it, with a RequestCreatedEvent, for the footprints of the products this
     * instance's flows take from it; 202 with the request's id. Its answer arrives at POST /pact/3/events and is
     * imported like a pull; GET /api/v1/peers shows both.
     */
    @PostMapping("/{partner}/request")
    ResponseEntity<Map<String, Object>> request(@PathVariable String partner) {
        Caller caller = Callers.current();
        if (!caller.local() && !caller.admin()) {
            throw new ForbiddenException(caller.describe() + " may not ask a supplier: managing peers needs an ADMIN key");
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(pactPeers.request(partner));
        } catch (PactClient.PactCallException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("partner", partner, "error", e.getMessage()));
        }
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", List.of(Map.of("message", e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("errors", List.of(Map.of("message", e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("errors", List.of(Map.of("message", e.getMessage()))));
    }
}
