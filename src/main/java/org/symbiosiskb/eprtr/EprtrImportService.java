package org.symbiosiskb.eprtr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.ExchangeService;
import org.symbiosiskb.exchange.ImportProgress;
import org.symbiosiskb.exchange.ImportResult;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.api.Problem;
import org.symbiosiskb.security.Writes;

/**
 * Imports an E-PRTR extract: the converter makes one {@code symbiosis-kb/1} document of the
 * partner's records, and the ordinary exchange import checks and writes it, all or nothing, with the
 * caller's key and role like any import. A problem the import finds in the converted document is
 * reported at the file, line and column its record came from.
 */
@Service
public class EprtrImportService {

    private final ExchangeService exchange;
    private final Writes writes;

    EprtrImportService(ExchangeService exchange, Writes writes) {
        this.exchange = exchange;
        this.writes = writes;
    }

    /** What happens while an extract is imported, in order: each file read, the conversion, the plan, the writes. */
    interface Listener extends ImportProgress {

        Listener NONE = new Listener() {
        };

        default void read(EprtrConverter.FileRead file) {
        }

        default void converted(Conversion.Summary summary, int records) {
        }
    }

    /** The import's counts and what the conversion did. */
    public record Result(ImportResult imported, boolean dryRun, Conversion.Summary conversion) {
    }

    /** Refuses a caller who may not write the partner's records (FORBIDDEN), as the import itself would. */
    void requireWriter(String partner) {
        writes.requirePartner(partner);
    }

    /**
     * @throws InvalidExtractException with every problem, at its file, line and column; nothing was written
     * @throws org.symbiosiskb.api.ForbiddenException when the caller may not write the partner's records
     */
    Result importExtract(String partner, Gwp gwp, boolean dryRun, List<EprtrFiles.Upload> uploads, Listener listener) {
        writes.requirePartner(partner); // before reading megabytes for a caller who may not write them
        var conversion = new EprtrConverter(partner, gwp).convert(uploads, listener::read);
        int records = conversion.document().values().stream().filter(v -> v instanceof List<?>).mapToInt(v -> ((List<?>) v).size()).sum();
        listener.converted(conversion.summary(), records);
        try {
            var imported = exchange.importDocument(conversion.document(), dryRun, listener);
            return new Result(imported, dryRun, conversion.summary());
        } catch (InvalidDocumentException e) {
            throw new InvalidExtractException(e.problems().stream().map(p -> atItsRow(p, conversion.origins())).toList());
        }
    }

    /** {@code /processes/12/location/lat} → the facilities file's line and column that record came from. */
    static CsvProblem atItsRow(Problem problem, Map<String, Conversion.Origin> origins) {
        var segments = new ArrayList<>(List.of(problem.pointer().split("/")));
        // "", array, index, field...
        if (segments.size() >= 3) {
            var origin = origins.get("/" + segments.get(1) + "/" + segments.get(2));
            if (origin != null) {
                String field = segments.size() > 3 ? segments.get(3) : null;
                String column = field == null ? null : origin.columns().get(field);
                return CsvProblem.of(origin.part(), origin.file(), origin.line(), column,
                        problem.message() + " (in " + segments.get(1) + " record " + problem.pointer() + " of the converted document)");
            }
        }
        return CsvProblem.of("document", "the converted document", 0, null, problem.pointer() + ": " + problem.message());
    }
}
