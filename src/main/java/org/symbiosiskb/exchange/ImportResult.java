package org.symbiosiskb.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code POST /api/v1/datasets}: totals, and the same counts per array under
 * {@code byType} (only arrays the document touched).
 */
public record ImportResult(int created, int updated, int unchanged, int deleted, Map<String, Counts> byType) {

    public record Counts(int created, int updated, int unchanged, int deleted) {
    }

    static ImportResult of(List<ExchangeRecord> created, List<ExchangeRecord> updated,
                           List<ExchangeRecord> unchanged, List<ExchangeRecord> deleted) {
        var byType = new LinkedHashMap<String, Counts>();
        for (RecordType type : RecordTypes.ALL) {
            var counts = new Counts(count(created, type), count(updated, type), count(unchanged, type), count(deleted, type));
            if (counts.created() + counts.updated() + counts.unchanged() + counts.deleted() > 0) {
                byType.put(type.array(), counts);
            }
        }
        return new ImportResult(created.size(), updated.size(), unchanged.size(), deleted.size(), byType);
    }

    private static int count(List<ExchangeRecord> records, RecordType type) {
        return (int) records.stream().filter(r -> r.type() == type).count();
    }
}
