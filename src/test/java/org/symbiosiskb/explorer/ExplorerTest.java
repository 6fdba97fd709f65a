package org.symbiosiskb.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.Http;

import tools.jackson.databind.JsonNode;

/**
 * The explorer in headless Chromium against the service as README command 1 starts it (embedded
 * database, example data): every view renders without console errors, and every number its tables
 * show equals what GraphQL answers for the same question, asked here directly. Screenshots of the
 * views go to target/screenshots/ (docs/screenshots/ for the README with -Dkb.screenshots.update=true).
 */
class ExplorerTest {

    /**
     * Each run saves its screenshots in target/screenshots; {@code -Dkb.screenshots.update=true} writes them to
     * docs/screenshots for the README instead (so a test run leaves the README's alone).
     */
    private static final Path SCREENSHOTS = Boolean.getBoolean("kb.screenshots.update") ? Path.of("docs/screenshots") : Path.of("target/screenshots");

    /** Every view as docs/explorer.md lists it. */
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("map", "#/map?year=2023");
        VIEWS.put("park", "#/park/fi:kemi-tornio?year=2023");
        VIEWS.put("trace", "#/trace/fi:outokumpu-tornio-ferrochrome/2023");
        VIEWS.put("compensation", "#/compensation/fi:outokumpu/2024?maxDistanceKm=200");
        VIEWS.put("roadmap", "#/roadmap/fi:topinpuisto-carbon-roadmap?year=2035");
        VIEWS.put("calculator", "#/calculator/fi:savon-voima/2023");
    }

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext service;
    private static Http http;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        service = new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + dataDir,
                "--spring.neo4j.uri=", "--kb.example-data.enabled=true");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        http = new Http(port);
        browser = new Browser(port);
        browser.load("#/map");
        browser.language("en");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @AfterEach
    void console_stays_clean() {
        if (browser != null) {
            assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        }
    }

    @Test
    void the_root_is_the_explorer_and_names_no_asset_from_outside_the_service() throws Exception {
        var page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("/explorer/app.js").doesNotContain("http://", "https://");
        for (String asset : List.of("/webjars/echarts/dist/echarts.min.js", "/explorer/nordic.geo.json", "/explorer/explorer.css")) {
            assertThat(http.get(asset).status()).as(asset).isEqualTo(200);
        }
        // the app's own modules fetch nothing but this service's /graphql and its own files
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static/explorer"))) {
            for (Path js : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                assertThat(Files.readString(js)).as(js.toString()).doesNotContain("http://", "https://");
            }
        }
        assertThat(http.get("/explorer/nordic.geo.json").raw()).contains("Natural Earth").contains("\"Finland\"");
    }

    @Test
    void map_shows_every_park_with_the_carbon_balance_graphql_gives() throws Exception {
        browser.go("#/map?year=2023");
        JsonNode parks = data("{ parks(first: 100) { totalCount nodes { id name } } }").get("parks");
        var rows = browser.rows("parks-table");
        assertThat(rows).hasSize(parks.get("totalCount").asInt());
        for (JsonNode park : parks.get("nodes")) {
            JsonNode balance = data("query($id: ID!) { carbonBalance(parkId: $id, year: 2023) { gross retained purchasedOffsets net avoided } }",
                    Map.of("id", park.get("id").asString())).get("carbonBalance");
            WebElement row = rowWith(rows, park.get("name").asString());
            for (String field : List.of("gross", "retained", "purchasedOffsets", "net", "avoided")) {
                assertShown(cell(row, field), balance.get(field).asDouble(), "en", park.get("id") + " " + field);
            }
            assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).contains("#/park/" + park.get("id").asString().replace(":", "%3A"));
        }
        // one marker per park with a location is drawn on the Nordic outline
        assertThat(browser.findAll(By.cssSelector("#parks-chart canvas"))).isNotEmpty();
        browser.screenshot(SCREENSHOTS.resolve("map.png"));
    }

    @Test
    void map_shows_the_whole_scandinavian_peninsula_and_names_every_park() {
        browser.go("#/map");
        // the map's corners in degrees: Norway's west coast is at 4.9° E, the North Cape at 71.2° N, Finland's
        // eastern border at 31.6° E and the peninsula's southern tip (Smygehuk) at 55.3° N
        @SuppressWarnings("unchecked")
        List<Number> corners = (List<Number>) browser.js("""
                const chart = echarts.getInstanceByDom(document.getElementById('parks-chart'));
                return [...chart.convertFromPixel({geoIndex: 0}, [0, 0]), ...chart.convertFromPixel({geoIndex: 0}, [chart.getWidth(), chart.getHeight()])];""");
        assertThat(corners.get(0).doubleValue()).as("west edge, ° E").isLessThan(4.9);
        assertThat(corners.get(1).doubleValue()).as("north edge, ° N").isGreaterThan(71.2);
        assertThat(corners.get(2).doubleValue()).as("east edge, ° E").isGreaterThan(31.6);
        assertThat(corners.get(3).doubleValue()).as("south edge, ° N").isLessThan(55.3);
        // every marker is labelled with its municipality (where the labels do not collide is the layout test's)
        List<String> texts = browser.chartTexts("parks-chart");
        for (JsonNode park : data("{ parks(first: 100) { nodes { municipality location { lat } } } }").get("parks").get("nodes")) {
            if (!park.get("location").isNull()) {
                assertThat(texts).contains(park.get("municipality").asString());
            }
        }
    }

    @Test
    void a_map_label_takes_the_nearest_free_spot_beside_its_marker() {
        browser.go("#/map");
        // markers of radius 5, labels 40 × 15, in a chart 300 × 100; a label beside its marker is 3 px from its edge
        String place = """
                const done = arguments[arguments.length - 1];
                import('/explorer/labels.js').then((m) => done(m.placeLabels(arguments[0].map(([x, y]) => ({ x, y, r: 5, w: 40, h: 15 })),
                  { width: 300, height: 100 }).map((p) => [p.x, p.y, p.leader === null ? 'beside' : 'leader'])));""";
        // two markers at (100, 50): the first label right of it, x = 100 + 5 + 3 = 108, y = 50 − 15/2 = 42.5; the second
        // left, x = 100 − 8 − 40 = 52; a marker at (290, 20) has no room on its right (290 + 8 + 40 > 300): left, x = 242
        assertThat(browser.jsAsync(place, List.of(List.of(100, 50), List.of(100, 50), List.of(290, 20)))).isEqualTo(List.of(
                List.of(108L, 42.5, "beside"), List.of(52L, 42.5, "beside"), List.of(242L, 12.5, "beside")));
        // five at one spot: every label inside the chart, none over another; those that had to move away have a leader
        @SuppressWarnings("unchecked")
        var five = (List<List<Object>>) browser.jsAsync(place, Collections.nCopies(5, List.of(100, 50)));
        for (int i = 0; i < five.size(); i++) {
            double x = ((Number) five.get(i).get(0)).doubleValue();
            double y = ((Number) five.get(i).get(1)).doubleValue();
            assertThat(x).isBetween(0.0, 300.0 - 40);
            assertThat(y).isBetween(0.0, 100.0 - 15);
            for (int j = 0; j < i; j++) {
                double ox = ((Number) five.get(j).get(0)).doubleValue();
                double oy = ((Number) five.get(j).get(1)).doubleValue();
                assertThat(Math.abs(x - ox) >= 40 || Math.abs(y - oy) >= 15).as("labels %d and %d apart", i, j).isTrue();
            }
        }
        assertThat(five).extracting(p -> p.get(2)).contains("leader");
    }

    @Test
    void no_table_or_chart_overflows_its_box_and_no_chart_text_is_cut_or_drawn_over_in_either_language() {
        List<String> problems = new ArrayList<>();
        try {
            for (String lang : List.of("en", "fi")) {
                browser.language(lang);
                VIEWS.forEach((view, hash) -> {
                    browser.go(hash);
                    browser.waitForView(view);
                    browser.layoutProblems().forEach(problem -> problems.add(lang + ", " + view + ": " + problem));
                });
            }
        } finally {
            browser.language("en");
        }
        assertThat(problems).as("at %d×%d", Browser.WIDTH, Browser.HEIGHT).isEmpty();
    }

    @Test
    void provenance_marks_tell_reported_calculated_and_illustrative_figures_apart() {
        browser.go("#/map");
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                import('/explorer/provenance.js').then((p) => done({
                  absent: [p.provenanceMark({}), p.provenanceLegend([{}, { gross: 1 }]), p.reportedShareNote({ gross: 1 })].every((x) => x === null),
                  columns: `${p.reportedShareColumn([{ gross: 1 }]).length} ${p.reportedShareColumn([{}, { reportedShare: 0.5 }]).length}`,
                  mark: p.provenanceMark({ provenance: { kind: 'REPORTED' } }).dataset.provenance,
                  legend: p.provenanceLegend([{ provenance: { kind: 'ILLUSTRATIVE' } }, {}, { provenance: { kind: 'REPORTED' } }]).textContent,
                  share: p.reportedShareNote({ reportedShare: 0.54 }).textContent }));""");
        assertThat(shown.get("absent")).isEqualTo(true);
        assertThat(shown.get("columns")).isEqualTo("0 1");
        assertThat(shown.get("mark")).isEqualTo("REPORTED");
        assertThat((String) shown.get("legend")).isEqualTo("Figures: ● reported to a register ○ illustrative (assumed) ");
        assertThat(shown.get("share")).isEqualTo("Reported to a register: 54 %");

        // the views now ask for provenance { kind } and reportedShare: the map's column, the park's note and marks, the trace's records
        browser.go("#/map?year=2023");
        JsonNode parks = data("{ parks(first: 100) { nodes { id } } }").get("parks").get("nodes");
        assertThat(browser.findAll(By.cssSelector("#parks-table td[data-col=reportedShare]"))).hasSize(parks.size());
        browser.go("#/park/fi:kemi-tornio?year=2023");
        double share = data("{ carbonBalance(parkId: \"fi:kemi-tornio\", year: 2023) { reportedShare } }").get("carbonBalance").get("reportedShare").asDouble();
        assertThat(Double.parseDouble(browser.find(By.cssSelector("[data-testid=reported-share]")).getAttribute("data-value"))).isEqualTo(share);
        // Tornio's ferrochrome smelter: scope 1 reported to E-PRTR, scope 2 illustrative
        var smelter = browser.find(By.cssSelector("#emissions-table tr[data-key='fi:outokumpu-tornio-ferrochrome']"));
        assertThat(smelter.findElement(By.cssSelector("td[data-col=scope1] [data-provenance]")).getAttribute("data-provenance")).isEqualTo("REPORTED");
        assertThat(smelter.findElement(By.cssSelector("td[data-col=scope2] [data-provenance]")).getAttribute("data-provenance")).isEqualTo("ILLUSTRATIVE");
        assertThat(browser.find(By.cssSelector("#view [data-testid=provenance-legend]")).getText()).contains("reported to a register");
        browser.go("#/trace/fi:outokumpu-tornio-ferrochrome/2023");
        assertThat(browser.findAll(By.cssSelector("#records-table [data-provenance=REPORTED]"))).hasSize(1);
        assertThat(browser.findAll(By.cssSelector("[data-testid=reported-share]"))).hasSize(1);
        // 2024 has no register figures yet: every record is illustrative, and the marks say so
        browser.go("#/park/fi:kemi-tornio?year=2024");
        assertThat(browser.findAll(By.cssSelector("#emissions-table [data-provenance=REPORTED]"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#emissions-table [data-provenance=ILLUSTRATIVE]"))).isNotEmpty();
    }

    @Test
    void the_calculator_shows_the_inventory_and_the_network_indicator_graphql_gives() throws Exception {
        browser.go("#/calculator/fi:savon-voima/2023");
        JsonNode inventory = data("""
                { ghgInventory(organizationId: "fi:savon-voima", year: 2023) { scope1 reportedScope1 scope2LocationBased scope2MarketBased
                    scope3 byCategory { category tCO2e } totalLocationBased totalMarketBased biogenicCO2
                    lines { activity { id } quantity tCO2e biogenicCO2 } } }""").get("ghgInventory");
        for (String field : List.of("scope1", "reportedScope1", "scope2LocationBased", "scope2MarketBased", "scope3", "totalLocationBased",
                "totalMarketBased", "biogenicCO2")) {
            assertShown(summary(field), inventory.get(field).asDouble(), "en", field);
        }
        assertShown(summary("category4"), inventory.get("byCategory").get(0).get("tCO2e").asDouble(), "en", "category 4");
        // by hand: wood chips 196 000 t × 0.04343964 + light fuel oil 11 000 MWh × 3.6 × 0.0735 = 8 514.16944 + 2 910.6
        assertClose(summary("scope1"), 11_424.76944, "scope 1 by hand");
        // the register's figure beside it, marked reported; the calculated one marked calculated
        assertClose(summary("reportedScope1"), 73_000, "reported scope 1");
        assertThat(browser.find(By.cssSelector("#inventory-table tr[data-key=reportedScope1] [data-provenance]")).getAttribute("data-provenance"))
                .isEqualTo("REPORTED");
        assertThat(browser.find(By.cssSelector("#inventory-table tr[data-key=scope1] [data-provenance]")).getAttribute("data-provenance"))
                .isEqualTo("CALCULATED");
        for (JsonNode line : inventory.get("lines")) {
            WebElement row = browser.find(By.cssSelector("#lines-table tr[data-key='" + line.get("activity").get("id").asString() + "']"));
            assertShown(cell(row, "quantity"), line.get("quantity").asDouble(), "en", "quantity");
            assertShown(cell(row, "tCO2e"), line.get("tCO2e").asDouble(), "en", "line");
            assertThat(cell(row, "source").getText()).isNotBlank();
        }
        // the network's indicator: five partners by 2023, four entered lines, their total
        WebElement network = browser.find(By.cssSelector("#indicator-table tr[data-key='fi:joensuu-climate-partners']"));
        assertClose(cell(network, "partners"), 5, "partners");
        assertClose(cell(network, "reporting"), 4, "reporting");
        assertClose(cell(network, "reportingShare"), 80, "share");
        assertClose(cell(network, "totalTCO2e"), 12_619.93824 + 2_802.544964 + 6_539.714272 + 512.2476, "total");
        assertThat(browser.findAll(By.cssSelector("#ghg-chart canvas"))).isNotEmpty();
        browser.screenshot(SCREENSHOTS.resolve("calculator.png"));
    }

    @Test
    void a_year_of_activity_lines_entered_in_the_page_is_saved_and_every_number_is_as_worked_out_by_hand() {
        String lfo = "kb:statfi-fuel-classification-2015.FUEL_LIGHT_FUEL_OIL.GJ";
        String grid = "kb:eea-grid-fi-2024.ELECTRICITY_GRID";
        String go = "fi:joensuu-go-2023.ELECTRICITY_RENEWABLE_GO";
        String heat = "kb:energiateollisuus-district-heat-2017.DISTRICT_HEAT";
        String hgv = "kb:desnz-2025-freight.FREIGHT_ROAD_HGV_AVERAGE";
        String flights = "kb:desnz-2025-business-travel.TRAVEL_AIR_SHORT_HAUL_ECONOMY";
        String pellets = "kb:desnz-2025-fuels.FUEL_WOOD_PELLETS";
        browser.go("#/calculator/fi:abloy/2024");
        assertThat(browser.findAll(By.cssSelector("#activities-table tbody tr[data-line]"))).as("Abloy has no 2024 lines yet").isEmpty();
        try {
            enterLine(0, lfo, "MWh", "250", null);
            // the units offered are the factor's dimension's: light fuel oil per GJ is an energy
            assertThat(new Select(line(0).findElement(By.name("unit"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("kWh", "MWh", "GJ", "TJ");
            enterLine(1, grid, "MWh", "1000", go);
            enterLine(2, heat, "MWh", "2000", null);
            enterLine(3, hgv, "tkm", "40000", null);
            enterLine(4, flights, "km", "10000", null);
            enterLine(5, pellets, "t", "20", null);
            assertThat(new Select(line(5).findElement(By.name("unit"))).getOptions()).extracting(WebElement::getText).containsExactly("kg", "t");
            browser.clickAndWaitForView(By.id("save-lines"));

            // light fuel oil: 250 MWh × 3.6 = 900 GJ × 0.0735 t/GJ = 66.15; pellets 20 t × 0.05519389 = 1.1038778
            double scope1 = 66.15 + 1.1038778;
            // grid 1 000 MWh = 1 000 000 kWh × 27 g = 27 t, with a guarantee of origin 0 market-based;
            // district heat 2 000 000 kWh × 149 g = 298 t both ways (no instrument: the market-based total is incomplete)
            double scope2Location = 27 + 298;
            double scope2Market = 0 + 298;
            // haulage 40 000 tkm × 0.00010163 = 4.0652 (category 4); flights 10 000 km × 0.00012576 = 1.2576 (category 6)
            double scope3 = 4.0652 + 1.2576;
            assertClose(summary("scope1"), scope1, "scope 1");
            assertClose(summary("scope2LocationBased"), scope2Location, "scope 2 location-based");
            assertClose(summary("scope2MarketBased"), scope2Market, "scope 2 market-based");
            assertThat(browser.find(By.cssSelector("#inventory-table tr[data-key=scope2MarketBased]")).getText()).contains("incomplete");
            assertClose(summary("scope3"), scope3, "scope 3");
            assertClose(summary("category4"), 4.0652, "category 4");
            assertClose(summary("category6"), 1.2576, "category 6");
            // 67.2538778 + 325 + 5.3228 = 397.5766778; market-based 67.2538778 + 298 + 5.3228 = 370.5766778
            assertClose(summary("totalLocationBased"), scope1 + scope2Location + scope3, "total location-based");
            assertClose(summary("totalMarketBased"), scope1 + scope2Market + scope3, "total market-based");
            // pellets' biogenic CO2: 20 × 1.67718 = 33.5436, outside the scopes
            assertClose(summary("biogenicCO2"), 33.5436, "biogenic CO2");
            assertThat(browser.findAll(By.cssSelector("#inventory-table tr[data-key=reportedScope1]"))).as("the factory reports no GHG").isEmpty();

            // every line, with its factor and where it comes from
            var lines = browser.rows("lines-table");
            assertThat(lines).hasSize(6);
            double[][] expected = { // quantity, t CO2e, market-based, biogenic, by the lines' id order (the order they were entered in)
                    {250, 66.15, Double.NaN, 0}, {1000, 27, 0, 0}, {2000, 298, 298, 0}, {40000, 4.0652, Double.NaN, 0},
                    {10000, 1.2576, Double.NaN, 0}, {20, 1.1038778, Double.NaN, 33.5436}};
            for (int i = 0; i < expected.length; i++) {
                WebElement row = lines.get(i);
                assertClose(cell(row, "quantity"), expected[i][0], "line " + i + " quantity");
                assertClose(cell(row, "tCO2e"), expected[i][1], "line " + i + " t CO2e");
                if (!Double.isNaN(expected[i][2])) {
                    assertClose(cell(row, "marketBasedTCO2e"), expected[i][2], "line " + i + " market-based");
                } else {
                    assertThat(cell(row, "marketBasedTCO2e").getText()).isEqualTo("–");
                }
                assertClose(cell(row, "biogenicCO2"), expected[i][3], "line " + i + " biogenic");
            }
            assertThat(cell(lines.get(1), "marketFactor").getText()).isEqualTo("Renewable electricity, guarantee of origin cancelled");
            assertThat(cell(lines.get(0), "source").getText()).contains("Statistics Finland fuel classification 2015");
            assertThat(cell(lines.get(3), "factor").getText()).isEqualTo("Freighting goods > HGV (all diesel) > All HGVs > Average laden");
            // the chart draws the same figures: scope 1, scope 2 both ways, the two categories and biogenic CO2
            @SuppressWarnings("unchecked")
            var bars = (List<Number>) browser.js("""
                    return echarts.getInstanceByDom(document.getElementById('ghg-chart')).getOption().series[0].data.map((d) => d.value).reverse();""");
            assertThat(bars).hasSize(6);
            double[] barValues = {scope1, scope2Location, scope2Market, 4.0652, 1.2576, 33.5436};
            for (int i = 0; i < barValues.length; i++) {
                assertThat(bars.get(i).doubleValue()).as("bar " + i).isCloseTo(barValues[i], within(1e-9));
            }
            // the network's indicator for 2024: all six are partners by then, Abloy is the one that entered 2024 lines
            WebElement network = browser.find(By.cssSelector("#indicator-table tr[data-key='fi:joensuu-climate-partners']"));
            assertClose(cell(network, "partners"), 6, "partners");
            assertClose(cell(network, "reporting"), 1, "reporting");
            assertClose(cell(network, "reportingShare"), 100.0 / 6, "share");
            assertClose(cell(network, "totalTCO2e"), scope1 + scope2Location + scope3, "total");

            // a line edited: 500 MWh of oil is twice the 66.15 t
            WebElement quantity = line(0).findElement(By.name("quantity"));
            quantity.clear();
            quantity.sendKeys("500");
            browser.clickAndWaitForView(By.id("save-lines"));
            assertClose(summary("scope1"), 132.3 + 1.1038778, "scope 1 after the edit");
        } finally {
            // the lines go again, through the page, so the example data is as it was for the other tests
            while (!browser.findAll(By.cssSelector("#activities-table tbody tr[data-line] button[name=remove]")).isEmpty()) {
                browser.find(By.cssSelector("#activities-table tbody tr[data-line] button[name=remove]")).click();
            }
            browser.clickAndWaitForView(By.id("save-lines"));
        }
        assertThat(data("{ ghgInventory(organizationId: \"fi:abloy\", year: 2024) { lines { tCO2e } } }").get("ghgInventory").get("lines")).isEmpty();
    }

    private static WebElement line(int index) {
        return browser.rows("activities-table").get(index);
    }

    /** Adds a line and fills it as a person does: factor first, then its unit, the quantity and a contractual instrument. */
    private static void enterLine(int index, String factor, String unit, String quantity, String marketFactor) {
        browser.find(By.id("add-line")).click();
        new Select(line(index).findElement(By.name("factor"))).selectByValue(factor);
        new Select(line(index).findElement(By.name("unit"))).selectByValue(unit);
        WebElement field = line(index).findElement(By.name("quantity"));
        field.clear();
        field.sendKeys(quantity);
        if (marketFactor != null) {
            new Select(line(index).findElement(By.name("marketFactor"))).selectByValue(marketFactor);
        }
    }

    private static WebElement summary(String key) {
        return browser.find(By.cssSelector("#inventory-table tr[data-key='" + key + "'] td[data-col=value]"));
    }

    /** The cell shows a figure worked out by hand (to rounding) as a person reads it. */
    private static void assertClose(WebElement cell, double expected, String what) {
        assertThat(Double.parseDouble(cell.getAttribute("data-value"))).as(what + " (data-value)").isCloseTo(expected, within(1e-9));
        assertThat(parseShown(cell.getText(), "en")).as(what + " shown as '" + cell.getText() + "'").isCloseTo(expected, within(0.005 + 1e-9));
    }

    @Test
    void map_network_filter_keeps_only_the_networks_parks() {
        browser.go("#/map");
        String network = "fi:topinpuisto-network";
        JsonNode members = data("query($n: ID!) { parks(filter: {network: $n}) { totalCount nodes { name } } }", Map.of("n", network)).get("parks");
        int all = browser.rows("parks-table").size();
        browser.choose("network", network);
        var rows = browser.rows("parks-table");
        assertThat(rows).hasSize(members.get("totalCount").asInt());
        assertThat(rows.size()).isLessThan(all);
        for (JsonNode park : members.get("nodes")) {
            rowWith(rows, park.get("name").asString());
        }
    }

    @Test
    void park_view_shows_the_balance_and_side_stream_table_graphql_gives() throws Exception {
        browser.go("#/park/fi:kemi-tornio?year=2023");
        JsonNode answer = data("""
                { carbonBalance(parkId: "fi:kemi-tornio", year: 2023) { gross sequestration soldOutside retained purchasedOffsets net avoided }
                  sideStreamTable(parkId: "fi:kemi-tornio", year: 2023) { sideStream { name } produced used available } }""");
        JsonNode b = answer.get("carbonBalance");
        var balance = browser.rows("balance-table");
        double[] expected = {b.get("gross").asDouble(), b.get("sequestration").asDouble(), b.get("soldOutside").asDouble(),
                b.get("retained").asDouble(), b.get("purchasedOffsets").asDouble(), b.get("net").asDouble(), b.get("avoided").asDouble()};
        assertThat(balance).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertShown(cell(balance.get(i), "value"), expected[i], "en", "balance row " + i);
        }
        // avoided is shown beside the net, never netted: net = gross − retained − purchased offsets
        assertThat(expected[5]).isCloseTo(expected[0] - expected[3] - expected[4], within(1e-6));

        assertRows(browser.rows("sidestreams-table"), answer.get("sideStreamTable"), "name", r -> r.get("sideStream").get("name"),
                "produced", "used", "available");
        assertThat(browser.rows("flows-table")).isNotEmpty();
        assertThat(browser.rows("ewc-table")).isNotEmpty();
        // each process's counted scope-1 and scope-2 records, as GraphQL gives them
        for (JsonNode process : data("""
                { park(id: "fi:kemi-tornio") { processes { id emissions { year scope tCO2e counted } } } }""").get("park").get("processes")) {
            double[] byScope = new double[3];
            boolean any = false;
            for (JsonNode e : process.get("emissions")) {
                if (e.get("year").asInt() == 2023 && e.get("counted").asBoolean() && e.get("scope").asInt() <= 2) {
                    byScope[e.get("scope").asInt()] += e.get("tCO2e").asDouble();
                    any = true;
                }
            }
            var rows = browser.findAll(By.cssSelector("#emissions-table tr[data-key='" + process.get("id").asString() + "']"));
            assertThat(rows).as(process.get("id").asString()).hasSize(any ? 1 : 0);
            if (any) {
                for (int scope = 1; scope <= 2; scope++) {
                    var shown = rows.getFirst().findElements(By.cssSelector("td[data-col='scope" + scope + "'] [data-value]"));
                    if (byScope[scope] > 0) {
                        assertShown(shown.getFirst(), byScope[scope], "en", process.get("id") + " scope " + scope);
                    }
                }
            }
        }
        for (String chart : List.of("balance", "network", "ewc")) {
            assertThat(browser.findAll(By.cssSelector("#" + chart + "-chart canvas"))).as(chart).isNotEmpty();
        }
        browser.screenshot(SCREENSHOTS.resolve("park.png"));
    }

    @Test
    void the_exchange_network_is_laid_out_the_same_on_every_load() {
        String positions = """
                const data = echarts.getInstanceByDom(document.getElementById('network-chart')).getModel().getSeriesByIndex(0).getData();
                return Array.from({length: data.count()}, (_, i) => `${data.getName(i)} @ ${data.getItemLayout(i).map(Math.round)}`);""";
        String park = "#/park/fi:kemi-tornio?year=2024";
        browser.load(park);
        Object first = browser.js(positions);
        browser.load(park);
        assertThat(first).asList().isNotEmpty();
        assertThat(browser.js(positions)).isEqualTo(first);
    }

    @Test
    void a_material_flow_without_a_waste_code_is_named_by_its_material() {
        browser.go("#/park/fi:kemi-tornio?year=2024");
        JsonNode processes = data("""
                { park(id: "fi:kemi-tornio") { processes { sideStreams { ewc material unit flows { fromYear toYear } } } } }""")
                .get("park").get("processes");
        // the tonnes of the park's streams that carry no EWC code and flow in 2024: stainless process scrap (60,000 t from
        // the rolling mill to the melting shop) and flue-gas CO2; each is named by its material, none "heat, steam, CO2"
        List<String> expected = new ArrayList<>();
        for (JsonNode process : processes) {
            for (JsonNode stream : process.get("sideStreams")) {
                boolean flows = false;
                for (JsonNode flow : stream.get("flows")) {
                    flows |= (flow.get("fromYear").isNull() || flow.get("fromYear").asInt() <= 2024)
                            && (flow.get("toYear").isNull() || 2024 <= flow.get("toYear").asInt());
                }
                if (stream.get("ewc").isNull() && stream.get("unit").asString().equals("t") && flows) {
                    String material = stream.get("material").asString();
                    expected.add(Character.toUpperCase(material.charAt(0)) + material.substring(1) + " (no waste code)");
                }
            }
        }
        assertThat(expected).contains("Stainless steel scrap (no waste code)");
        List<String> shown = browser.rows("ewc-table").stream().map(row -> cell(row, "chapterLabel").getText())
                .filter(label -> !label.matches("\\d\\d .*")).distinct().toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected.stream().distinct().toList());
    }

    @Test
    void trace_view_shows_the_footprint_and_chains_for_each_allocation_and_direction() throws Exception {
        String process = "fi:outokumpu-tornio-ferrochrome";
        browser.go("#/trace/" + process + "/2023");
        assertTrace(process, "UPSTREAM", "MASS");
        // the Sankey names processes as people do, without the position in the chain it keeps them apart by
        assertThat(browser.chartTexts("trace-chart")).isNotEmpty().noneMatch(text -> text.matches(".*\\[\\d+]$"));
        browser.screenshot(SCREENSHOTS.resolve("trace.png"));

        browser.choose("allocation", "CUT_OFF");
        assertTrace(process, "UPSTREAM", "CUT_OFF");
        browser.choose("allocation", "MASS");
        browser.choose("direction", "DOWNSTREAM");
        assertTrace(process, "DOWNSTREAM", "MASS");
    }

    private void assertTrace(String process, String direction, String allocation) {
        JsonNode tr = data("""
                query($p: ID!, $d: Direction!, $a: Allocation!) { traceEmissions(processId: $p, year: 2023, direction: $d, allocation: $a) {
                  direct transport inherited total passedOn coverage truncated paths { contribution } } }""",
                Map.of("p", process, "d", direction, "a", allocation)).get("traceEmissions");
        var summary = browser.rows("trace-summary");
        String[] fields = {"direct", "transport", "inherited", "total"};
        for (int i = 0; i < fields.length; i++) {
            assertShown(cell(summary.get(i), "value"), tr.get(fields[i]).asDouble(), "en", direction + " " + allocation + " " + fields[i]);
        }
        if (direction.equals("DOWNSTREAM")) {
            assertShown(cell(summary.get(summary.size() - 1), "value"), tr.get("passedOn").asDouble(), "en", "passedOn");
        }
        assertThat(Double.parseDouble(browser.find(By.id("coverage")).getAttribute("data-value"))).isEqualTo(tr.get("coverage").asDouble());
        assertThat(browser.find(By.id("truncated")).getAttribute("data-value")).isEqualTo(String.valueOf(tr.get("truncated").asBoolean()));
        var paths = browser.rows("paths-table");
        JsonNode expected = tr.get("paths");
        if (expected.isEmpty()) {
            assertThat(paths).hasSize(1); // the "nothing to show" row
            return;
        }
        assertThat(paths).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertShown(cell(paths.get(i), "contribution"), expected.get(i).get("contribution").asDouble(), "en", "path " + i);
        }
    }

    @Test
    void compensation_view_shows_the_residual_and_candidates_graphql_gives() throws Exception {
        browser.go("#/compensation/fi:outokumpu/2024?maxDistanceKm=200");
        JsonNode plan = data("""
                { compensationPartners(organizationId: "fi:outokumpu", year: 2024, maxDistanceKm: 200) {
                    emissions contracted residual uncovered candidates { sink { name } distanceKm free suggestedTonnes networkHops networkPath } } }""")
                .get("compensationPartners");
        var summary = browser.rows("comp-summary");
        String[] fields = {"emissions", "contracted", "residual", "uncovered"};
        for (int i = 0; i < fields.length; i++) {
            assertShown(cell(summary.get(i), "value"), plan.get(fields[i]).asDouble(), "en", fields[i]);
        }
        var rows = browser.rows("candidates-table");
        JsonNode candidates = plan.get("candidates");
        assertThat(candidates).isNotEmpty();
        assertRows(rows, candidates, "sink", c -> c.get("sink").get("name"), "distanceKm", "free", "suggestedTonnes");
        for (int i = 0; i < candidates.size(); i++) {
            // the path is named node by node, the organization first
            assertThat(cell(rows.get(i), "path").getText().split(" → ")).hasSize(candidates.get(i).get("networkPath").size());
        }
        browser.screenshot(SCREENSHOTS.resolve("compensation.png"));
    }

    @Test
    void roadmap_view_shows_the_trajectory_targets_and_cost_curve_graphql_gives() throws Exception {
        String roadmap = "fi:topinpuisto-carbon-roadmap";
        browser.go("#/roadmap/" + roadmap + "?year=2035");
        JsonNode answer = data("""
                query($r: ID!) { roadmap(id: $r) { trajectory { year baseline planned avoided } targetStatus { year threshold gap met } }
                  abatementCurve(roadmapId: $r, year: 2035) { measure { name } abatement costPerTonne annualisedCost cumulativeAbatement } }""",
                Map.of("r", roadmap));
        JsonNode trajectory = answer.get("roadmap").get("trajectory");
        var rows = browser.rows("trajectory-table");
        assertThat(rows).hasSize(trajectory.size());
        for (int i = 0; i < trajectory.size(); i++) {
            for (String field : List.of("baseline", "planned", "avoided")) {
                assertShown(cell(rows.get(i), field), trajectory.get(i).get(field).asDouble(), "en", trajectory.get(i).get("year") + " " + field);
            }
        }
        for (JsonNode target : answer.get("roadmap").get("targetStatus")) {
            WebElement row = rowWith(rows, target.get("year").asString());
            assertShown(cell(row, "threshold"), target.get("threshold").asDouble(), "en", "target " + target.get("year"));
            assertShown(cell(row, "gap"), target.get("gap").asDouble(), "en", "gap " + target.get("year"));
            assertThat(cell(row, "met").getText()).isEqualTo(target.get("met").asBoolean() ? "met" : "missed");
        }
        assertRows(browser.rows("curve-table"), answer.get("abatementCurve"), "measure", c -> c.get("measure").get("name"),
                "abatement", "costPerTonne", "annualisedCost", "cumulativeAbatement");
        browser.screenshot(SCREENSHOTS.resolve("roadmap.png"));
    }

    @Test
    void finnish_labels_and_number_format_show_the_same_figures() {
        try {
            browser.go("#/park/fi:kemi-tornio?year=2024");
            browser.language("fi");
            assertThat(browser.find(By.cssSelector("#nav a[data-route=map]")).getText()).isEqualTo("Kartta");
            assertThat(browser.find(By.id("balance-h")).getText()).startsWith("Hiilitase");
            assertThat((String) browser.js("return document.documentElement.lang")).isEqualTo("fi");
            double gross = data("{ carbonBalance(parkId: \"fi:kemi-tornio\", year: 2024) { gross } }").get("carbonBalance").get("gross").asDouble();
            assertShown(cell(browser.rows("balance-table").get(0), "value"), gross, "fi", "gross in Finnish");
        } finally {
            browser.language("en");
        }
        assertThat(browser.find(By.cssSelector("#nav a[data-route=map]")).getText()).isEqualTo("Map");
    }

    @Test
    void keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_view() {
        browser.load("#/map");
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.active();
        assertThat(first.getAttribute("id")).isEqualTo("skip-link");
        assertThat(first.isDisplayed()).isTrue();
        first.sendKeys(Keys.ENTER);
        assertThat(browser.active().getAttribute("id")).isEqualTo("view");
        // the next Tab lands on the view's first control, and every control is focusable
        browser.active().sendKeys(Keys.TAB);
        assertThat(browser.active().getAttribute("id")).isEqualTo("year");
        for (WebElement control : browser.findAll(By.cssSelector("main select, main a, header select, header input, header button"))) {
            assertThat(control.getAttribute("tabindex")).as(control.getTagName()).isNotEqualTo("-1");
        }
    }

    @Test
    void the_key_entered_in_the_page_is_sent_as_a_bearer_token_for_the_session_only() {
        browser.load("#/map");
        // record what the page sends (local mode accepts any request, so the answer cannot tell)
        browser.js("""
                window.sentAuthorization = [];
                const original = window.fetch;
                window.fetch = (url, init) => { window.sentAuthorization.push(init?.headers?.Authorization ?? null); return original(url, init); };""");
        browser.js("document.getElementById('view').removeAttribute('data-view')");
        browser.find(By.id("key")).sendKeys("a-partner-key" + Keys.ENTER);
        assertThat(browser.waitForView(null)).isEqualTo("map");
        assertThat(browser.js("return window.sentAuthorization")).asList().isNotEmpty().containsOnly("Bearer a-partner-key");
        assertThat(browser.find(By.id("key")).getAttribute("value")).isEmpty();
        assertThat((String) browser.js("return sessionStorage.getItem('kb.key')")).isEqualTo("a-partner-key");
        assertThat((String) browser.js("return localStorage.getItem('kb.key')")).isNull();
        // an empty key removes it: requests go without the header again
        browser.js("window.sentAuthorization = []; document.getElementById('view').removeAttribute('data-view')");
        browser.find(By.id("key")).sendKeys(Keys.ENTER);
        assertThat(browser.waitForView(null)).isEqualTo("map");
        assertThat(browser.js("return window.sentAuthorization")).asList().isNotEmpty().containsOnlyNulls();
        assertThat((String) browser.js("return sessionStorage.getItem('kb.key')")).isNull();
    }

    @Test
    void a_console_error_is_caught_by_the_check() {
        browser.js("console.error('deliberate')");
        assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e.getMessage()).contains("deliberate"));
    }

    // --- helpers

    private static JsonNode data(String query) {
        return data(query, Map.of());
    }

    private static JsonNode data(String query, Map<String, Object> variables) {
        var response = http.graphql(query, variables);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    /** One table row per answer element, in the answer's order, named as it is and showing its figures. */
    private static void assertRows(List<WebElement> rows, JsonNode expected, String nameColumn, Function<JsonNode, JsonNode> name,
                                   String... fields) {
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = expected.get(i);
            assertThat(cell(rows.get(i), nameColumn).getText()).isEqualTo(name.apply(row).asString());
            for (String field : fields) {
                assertShown(cell(rows.get(i), field), row.get(field).asDouble(), "en", "row " + i + " " + field);
            }
        }
    }

    private static WebElement cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-col='" + column + "']"));
    }

    private static WebElement rowWith(List<WebElement> rows, String text) {
        List<String> seen = new ArrayList<>();
        for (WebElement row : rows) {
            // the first line: a park's cell has its municipality under the name
            String first = row.findElement(By.tagName("td")).getText().split("\n")[0];
            if (first.equals(text)) {
                return row;
            }
            seen.add(first);
        }
        throw new AssertionError("no row " + text + " among " + seen);
    }

    /** The cell shows the value as a person reads it (two decimals at most) and carries it exactly. */
    private static void assertShown(WebElement cell, double expected, String lang, String what) {
        assertThat(Double.parseDouble(cell.getAttribute("data-value"))).as(what + " (data-value)").isEqualTo(expected);
        assertThat(parseShown(cell.getText(), lang)).as(what + " shown as '" + cell.getText() + "'")
                .isCloseTo(expected, within(0.005 + Math.abs(expected) * 1e-12));
    }

    static double parseShown(String text, String lang) {
        String s = text.replaceAll("[\\s\\u00a0\\u202f]", "").replace('\u2212', '-');
        s = lang.equals("fi") ? s.replace(',', '.') : s.replace(",", "");
        return Double.parseDouble(s);
    }
}
