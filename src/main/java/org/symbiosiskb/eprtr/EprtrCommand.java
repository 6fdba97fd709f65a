package org.symbiosiskb.eprtr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kb import-eprtr DIR --partner fi [--dry-run] [--url http://localhost:8080] [--gwp AR6]}:
 * uploads an extract's three files to a running service (POST /api/v1/imports/eprtr) and shows the
 * import as it goes, from the counts the service streams back (rows read, records planned, records
 * written; nothing is guessed on this side), then a summary. The key comes from the environment
 * variable KB_KEY and is sent as {@code Authorization: Bearer}. Exit status: 0 imported (or checked,
 * with --dry-run), 1 refused (the problems are printed), 2 wrong arguments, 3 the service could not
 * be reached. Shipped in the jar; run without ./kb as
 * {@code java -cp symbiosis-kb.jar -Dloader.main=org.symbiosiskb.eprtr.EprtrCommand
 * org.springframework.boot.loader.launch.PropertiesLauncher DIR --partner fi}.
 */
public final class EprtrCommand {

    static final String USAGE = """
            usage: ./kb import-eprtr DIR --partner PARTNER [--dry-run] [--url URL] [--gwp AR5|AR6]
              DIR        a directory holding facilities.csv, releases.csv and waste_transfers.csv (an E-PRTR extract)
              --partner  the partner prefix the records are imported under, e.g. fi
              --dry-run  check and count, write nothing
              --url      the service (default http://localhost:8080)
              --gwp      AR5 (default) or AR6 global warming potentials for CH4 and N2O
            The key is read from the environment variable KB_KEY (not needed in local mode).""";
    /** The files a directory may name each part; the first found is sent. */
    static final Map<String, List<String>> FILE_NAMES = Map.of(
            EprtrFiles.FACILITIES, List.of("facilities.csv"),
            EprtrFiles.RELEASES, List.of("releases.csv"),
            EprtrFiles.WASTE_TRANSFERS, List.of("waste_transfers.csv", "wasteTransfers.csv", "waste-transfers.csv"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier clock;

    EprtrCommand(PrintStream out, boolean interactive, LongSupplier nanoClock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = nanoClock;
    }

    public static void main(String[] args) {
        var command = new EprtrCommand(System.out, System.console() != null, System::nanoTime);
        System.exit(command.run(args, System.getenv("KB_KEY")));
    }

    record Options(Path dir, String partner, boolean dryRun, String url, String gwp) {
    }

    /** @return the exit status */
    int run(String[] args, String key) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        var files = new LinkedHashMap<String, Path>();
        for (String part : EprtrFiles.PARTS) {
            var found = FILE_NAMES.get(part).stream().map(options.dir()::resolve).filter(Files::isRegularFile).findFirst();
            if (found.isEmpty()) {
                out.println("no " + FILE_NAMES.get(part).getFirst() + " in " + options.dir());
                return 2;
            }
            files.put(part, found.get());
        }
        long started = clock.getAsLong();
        out.println("E-PRTR import of " + options.dir() + " as partner " + options.partner() + " into " + options.url()
                + (options.dryRun() ? " (dry run: nothing is written)" : ""));
        try {
            return upload(options, files, key, started);
        } catch (IOException e) {
            out.println();
            out.println("could not reach " + options.url() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (is the service running? ./kb start)");
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    static Options parse(String[] args) {
        Path dir = null;
        String partner = null;
        String url = "http://localhost:8080";
        String gwp = null;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--partner" -> partner = value(args, ++i, "--partner");
                case "--url" -> url = value(args, ++i, "--url");
                case "--gwp" -> gwp = value(args, ++i, "--gwp");
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (args[i].startsWith("--") || dir != null) {
                        throw new IllegalArgumentException("unknown argument " + args[i]);
                    }
                    dir = Path.of(args[i]);
                }
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir == null ? "the directory of the extract is missing" : dir + " is not a directory");
        }
        if (partner == null) {
            throw new IllegalArgumentException("--partner is missing");
        }
        return new Options(dir, partner, dryRun, url.replaceAll("/+$", ""), gwp);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private int upload(Options options, Map<String, Path> files, String key, long started) throws IOException, InterruptedException {
        String boundary = "kb-" + UUID.randomUUID();
        byte[] body = multipart(files, boundary);
        String query = "partner=" + enc(options.partner()) + (options.dryRun() ? "&dryRun=true" : "") + (options.gwp() == null ? "" : "&gwp=" + enc(options.gwp()));
        var request = HttpRequest.newBuilder(URI.create(options.url() + "/api/v1/imports/eprtr?" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", EprtrImportController.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Uploading(body, this::showUpload)));
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key.strip());
        }
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<java.util.stream.Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        endLine();
        var progress = new Progress();
        if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith(EprtrImportController.NDJSON)) {
            String text = String.join("\n", response.body().toList());
            out.println("refused (HTTP " + response.statusCode() + ")");
            printErrors(text.isBlank() ? null : JSON.readTree(text).get("errors"), text);
            return 1;
        }
        var lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = JSON.readTree(line);
            switch (event.get("event").asString()) {
                case "read" -> progress.read(event);
                case "converted" -> progress.converted(event);
                case "planned" -> progress.planned(event);
                case "written" -> progress.written(event);
                case "done" -> {
                    endLine();
                    summary(event.get("result"), started);
                    return 0;
                }
                case "failed" -> {
                    endLine();
                    out.println("refused (" + event.get("status").asInt() + "): nothing was written");
                    printErrors(event.get("errors"), line);
                    return 1;
                }
                default -> {
                    // an event this client does not know: later services may add some
                }
            }
        }
        endLine();
        out.println("the service closed the answer before the import finished; nothing was written (an import is all or nothing)");
        return 1;
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static byte[] multipart(Map<String, Path> files, String boundary) throws IOException {
        var parts = new ArrayList<EprtrFiles.Upload>();
        for (var file : files.entrySet()) {
            parts.add(new EprtrFiles.Upload(file.getKey(), file.getValue().getFileName().toString(), Files.readAllBytes(file.getValue())));
        }
        return multipart(parts, boundary);
    }

    /** A multipart/form-data body: each part with its file name, as a browser sends it. */
    static byte[] multipart(List<EprtrFiles.Upload> parts, String boundary) {
        var body = new ByteArrayOutputStream();
        for (var part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.part() + "\"; filename=\""
                    + part.filename() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The body as the HTTP client reads it, counting bytes as they go out. */
    private static final class Uploading extends InputStream {
        private final byte[] body;
        private final java.util.function.BiConsumer<Long, Long> shown;
        private int at;

        Uploading(byte[] body, java.util.function.BiConsumer<Long, Long> shown) {
            this.body = body;
            this.shown = shown;
        }

        @Override
        public int read() {
            return at < body.length ? body[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= body.length) {
                return -1;
            }
            int n = Math.min(len, body.length - at);
            System.arraycopy(body, at, b, off, n);
            at += n;
            shown.accept((long) at, (long) body.length);
            return n;
        }
    }

    // ---- showing it ----

    private boolean open; // an interactive line is being redrawn
    private long lastUploadShown = -1;

    private void showUpload(long sent, long total) {
        if (interactive) {
            redraw("uploading " + bar(sent, total) + " " + mb(sent) + " of " + mb(total));
        } else if (sent == total && lastUploadShown != total) {
            lastUploadShown = total;
            out.println("uploaded  " + mb(total));
        }
    }

    /** The counts of one import, as the stream tells them. */
    private final class Progress {
        private final List<String> read = new ArrayList<>();

        void read(JsonNode e) {
            read.add(e.get("part").asString() + " " + e.get("rows").asInt());
            show("read      " + String.join(", ", read) + " rows");
        }

        void converted(JsonNode e) {
            endLine();
            out.println("converted " + e.get("records").asInt() + " records");
        }

        void planned(JsonNode e) {
            out.println("planned   " + e.get("records").asInt() + " records: " + e.get("created").asInt() + " to create, "
                    + e.get("updated").asInt() + " to update, " + e.get("unchanged").asInt() + " unchanged");
        }

        void written(JsonNode e) {
            int records = e.get("records").asInt();
            int of = e.get("of").asInt();
            show("writing   " + bar(records, of) + " " + records + " of " + of + " records");
        }

        private void show(String line) {
            if (interactive) {
                redraw(line);
            } else {
                out.println(line);
            }
        }
    }

    private String lastDrawn;

    private void redraw(String line) {
        if (line.equals(lastDrawn)) {
            return; // the upload reports every chunk; the line changes far less often
        }
        lastDrawn = line;
        out.print("\r" + line + "\u001b[K");
        out.flush();
        open = true;
    }

    private void endLine() {
        if (open) {
            out.println();
            open = false;
        }
    }

    static String bar(long done, long total) {
        int filled = total == 0 ? BAR : (int) Math.min(BAR, done * BAR / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private void summary(JsonNode result, long started) {
        var c = result.get("conversion");
        out.println(result.get("dryRun").asBoolean() ? "checked (dry run, nothing written):" : "imported:");
        out.println("  rows        " + c.get("rows").properties().stream().map(e -> e.getKey() + " " + e.getValue().asInt()).toList());
        out.println("  converted   " + c.get("facilities").asInt() + " facilities, " + c.get("operators").asInt() + " operators, "
                + c.get("emissions").asInt() + " emission records, " + c.get("releases").asInt() + " releases, "
                + c.get("sideStreams").asInt() + " side streams, " + c.get("receivers").asInt() + " receivers, "
                + c.get("flows").asInt() + " flows (GWP " + c.get("gwp").asString() + ")");
        for (JsonNode gas : c.get("skippedGases")) {
            out.println("  skipped     " + gas.get("pollutant").asString() + " (" + gas.get("rows").asInt() + " rows, kept as releases): "
                    + gas.get("reason").asString());
        }
        out.println("  records     created " + result.get("created").asInt() + ", updated " + result.get("updated").asInt()
                + ", unchanged " + result.get("unchanged").asInt() + ", deleted " + result.get("deleted").asInt());
        double seconds = (clock.getAsLong() - started) / 1e9;
        out.println(String.format(Locale.ROOT, "  took        %.1f s", seconds));
    }

    private void printErrors(JsonNode errors, String raw) {
        if (errors == null || !errors.isArray()) {
            out.println(raw);
            return;
        }
        int shown = 0;
        for (JsonNode error : errors) {
            if (shown++ == 20) {
                out.println("  … and " + (errors.size() - 20) + " more");
                break;
            }
            out.println("  " + error.get("message").asString());
        }
    }
}
