package io.bilateral.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilateral.config.Settings;
import io.bilateral.ingest.IngestService;
import io.bilateral.serde.AvroJson;
import io.bilateral.testsupport.TestStack;
import io.bilateral.topics.TopicTableReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium), on the whole path: the samples posted to the real ingest API,
 * the enrich-service on a real broker and registry, the page reading its API and its event stream. Screenshots of
 * the main views go to {@code target/dashboard-screenshots} (the README's come from there).
 */
class DashboardIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Map<String, String> OUTLETS =
            Map.of("000", "Tehran Times", "001", "Kabar", "002", "Asia-Plus", "003", "Trend", "004", "Daryo");
    private static final String HOSTILE_OUTLET = "<script>window.__pwned=1</script>Evil <b>Times</b>";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldShowTheSamplesAsAGraphLeadToAPairAndItsSourcesAndFollowNewArticlesLive(@TempDir Path state)
            throws Exception {
        // a broker of its own: the samples it posts through the ingest API would otherwise reach the shared topics
        // that RelationsPipelineIT counts the same samples on
        try (TestStack stack = TestStack.start()) {
            Settings settings = EnrichInstance.settings(
                    stack.bootstrapServers(),
                    stack.registryUrl(),
                    "dashboard-it-" + UUID.randomUUID(),
                    state,
                    Map.of());
            EnrichInstance.provisionTopics(settings);
            Settings ingestSettings = Settings.of(Map.of(
                    "kafka.bootstrap.servers",
                    stack.bootstrapServers(),
                    "registry.url",
                    stack.registryUrl(),
                    "http.host",
                    "127.0.0.1",
                    "http.port",
                    "0"));
            try (EnrichInstance enrich = EnrichInstance.start(settings);
                    IngestService ingest = IngestService.start(ingestSettings);
                    Browser browser = Browser.open()) {
                assertThat(enrich.awaitRunning(DEADLINE)).as("streams running").isTrue();
                assertThat(enrich.events.awaitPositioned(DEADLINE))
                        .as("event stream positioned")
                        .isTrue();
                postSamples(ingest);
                new TopicTableReader(Map.of("bootstrap.servers", stack.bootstrapServers()))
                        .readUntil(
                                enrich.topics.relationPairs(),
                                t -> t.keySet().containsAll(Set.of("IRN-KGZ", "IRN-TJK", "IRN-UZB")),
                                DEADLINE,
                                "the samples' pairs");
                JsonNode relations = get(enrich.url("/relations"));
                assertThat(pairIds(relations)).contains("IRN-KGZ", "IRN-TJK", "IRN-UZB");
                // live updates redraw the page under the test's feet: an element found a moment ago may be gone
                FluentWait<WebDriver> wait =
                        new WebDriverWait(browser.driver, DEADLINE).ignoring(StaleElementReferenceException.class);

                // the graph: one edge per pair the API knows, one node per country
                browser.driver.get(enrich.url("/"));
                wait.until(ExpectedConditions.attributeContains(By.id("live"), "data-state", "live"));
                wait.until(d -> shownPairs(browser).equals(pairIds(relations)));
                browser.driver.executeScript("console.error('probe: the console is read')");
                assertThat(browser.consoleProblems())
                        .as("everything up to the first render, then the probe")
                        .singleElement()
                        .asString()
                        .contains("probe: the console is read");
                assertThat(browser.driver.findElements(By.cssSelector("#graph g.node")))
                        .extracting(e -> e.getAttribute("data-country"))
                        .contains("IRN", "UZB", "TJK", "KGZ");
                assertThat(browser.driver.findElement(By.id("status")).getText())
                        .contains("pairs");

                // a filter: one quad class shows exactly the pairs the API has for it, and lands in the URL
                int quad = aQuadWithFewerPairs(enrich, relations);
                new Select(browser.driver.findElement(By.id("f-cat"))).selectByValue("q" + quad);
                Set<String> filtered = pairIds(get(enrich.url("/relations?quad=" + quad)));
                wait.until(d -> shownPairs(browser).equals(filtered));
                assertThat(browser.driver.getCurrentUrl()).contains("cat=q" + quad);
                browser.driver.navigate().refresh(); // the URL alone restores the view
                wait.until(d -> shownPairs(browser).equals(filtered));
                assertThat(new Select(browser.driver.findElement(By.id("f-cat")))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                        .isEqualTo("q" + quad);
                browser.driver.findElement(By.id("f-reset")).click();
                wait.until(d -> shownPairs(browser).equals(pairIds(relations)));

                new Select(browser.driver.findElement(By.id("f-layout"))).selectByValue("map");
                wait.until(ExpectedConditions.urlContains("layout=map"));
                wait.until(
                        d -> !d.findElements(By.cssSelector("#graph path.land")).isEmpty());
                assertThat(shownPairs(browser)).isEqualTo(pairIds(relations));
                browser.screenshot(SCREENSHOTS.resolve("map.png"));
                new Select(browser.driver.findElement(By.id("f-layout"))).selectByValue("force");
                wait.until(d -> d.findElements(By.cssSelector("#graph .grid")).isEmpty());

                // hovering an edge shows the pair's figures; a click opens the pair: its events, sources, merge history
                WebElement edge = wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#graph g.pair[data-pair='IRN-UZB'] line.hit")));
                browser.driver.executeScript("document.activeElement.blur()");
                new Actions(browser.driver).moveToElement(edge).perform();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tooltip")));
                assertThat(browser.driver.findElement(By.id("tooltip")).getText())
                        .contains("Iran – Uzbekistan", "1 event (", "3 articles", "Goldstein");
                browser.screenshot(SCREENSHOTS.resolve("graph.png"));

                // keyboard: a node takes the focus and Enter opens its country; Back returns to the graph
                browser.driver.executeScript("document.querySelector(\"#graph g.node[data-country='UZB']\").focus()");
                browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("country-title"), "Uzbekistan (UZB)"));
                browser.driver.navigate().back();
                wait.until(d -> shownPairs(browser).equals(pairIds(relations)));
                edge = wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#graph g.pair[data-pair='IRN-UZB'] line.hit")));
                edge.click();
                wait.until(ExpectedConditions.textToBe(By.id("pair-title"), "Iran – Uzbekistan"));
                wait.until(
                        d -> !d.findElements(By.cssSelector("#events li.event")).isEmpty());
                assertThat(browser.driver.getCurrentUrl()).contains("view=pair", "pair=IRN-UZB");
                List<WebElement> links = browser.driver.findElements(By.cssSelector("#events .sources a"));
                assertThat(links).extracting(WebElement::getText).contains("Tehran Times");
                assertThat(links)
                        .extracting(a -> a.getAttribute("href"))
                        .allMatch(href -> href.startsWith("https://news.example.org/"));
                assertThat(browser.driver
                                .findElement(By.cssSelector("#events li.event .code"))
                                .getText())
                        .matches("[0-9]{3}");
                assertThat(browser.driver.findElements(By.cssSelector("#timeline")))
                        .hasSize(1);
                browser.screenshot(SCREENSHOTS.resolve("pair.png"));
                String csv = browser.driver
                        .findElement(By.cssSelector("#export a[aria-label='Export events as CSV']"))
                        .getAttribute("href");
                HttpResponse<String> export = http.send(
                        HttpRequest.newBuilder(URI.create(csv)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
                assertThat(export.body()).startsWith("\"eventId\",\"date\"").contains("https://news.example.org/000");
                WebElement history = browser.driver.findElement(By.cssSelector("#events li.event details summary"));
                browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", history);
                history.click();
                assertThat(browser.driver
                                .findElement(By.cssSelector("#events li.event details"))
                                .getText())
                        .contains("first report: Tehran Times", "joined: ");
                browser.driver.executeScript(
                        "document.getElementById('events-title').scrollIntoView({block: 'start'})");
                browser.screenshot(SCREENSHOTS.resolve("pair-events.png"));

                // keyboard: the country search finds a country by one of its names and opens its partners
                WebElement search = browser.driver.findElement(By.id("country-search"));
                search.sendKeys("Iran");
                wait.until(d -> !d.findElements(By.cssSelector("#search-results li[data-country='IRN']"))
                        .isEmpty());
                search.sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("country-title"), "Iran (IRN)"));
                wait.until(d -> d.findElements(By.cssSelector("#partners-body tr[data-pair]"))
                                .size()
                        >= 3);
                browser.screenshot(SCREENSHOTS.resolve("country.png"));

                // live: an article posted to the ingest API shows up without a reload; what it says stays text
                browser.driver.findElement(By.cssSelector("#crumbs a")).click();
                wait.until(d -> shownPairs(browser).equals(pairIds(relations)));
                browser.driver.executeScript("window.__sameDocument = true;");
                post(
                        ingest,
                        "Kazakhstan and Turkmenistan <script>window.__pwned=2</script> sign a gas deal",
                        "Kazakhstan and Turkmenistan signed an agreement on gas supplies in Ashgabat on Tuesday. "
                                + "The <img src=x onerror=\"window.__pwned=3\"> deal covers ten years.",
                        "https://news.example.org/live-1",
                        HOSTILE_OUTLET,
                        "2021-12-07T09:00:00Z");
                wait.until(d -> shownPairs(browser).contains("KAZ-TKM"));
                assertThat(browser.driver.executeScript("return window.__sameDocument === true"))
                        .as("no reload")
                        .isEqualTo(true);

                wait.until(
                        d -> { // the table may be redrawn by the next live update under the click: try again
                            d.findElement(By.cssSelector("#pairs-body tr[data-pair='KAZ-TKM'] a"))
                                    .click();
                            return true;
                        });
                wait.until(ExpectedConditions.textToBe(By.id("pair-title"), "Kazakhstan – Turkmenistan"));
                assertThat(browser.driver
                                .findElement(By.cssSelector("#events .sources li"))
                                .getText())
                        .contains(HOSTILE_OUTLET);
                assertThat(browser.driver.findElements(By.cssSelector("#events script, #events img, #events b")))
                        .isEmpty();
                assertThat(browser.driver.executeScript("return window.__pwned === undefined"))
                        .isEqualTo(true);

                assertThat(browser.consoleProblems())
                        .as("console errors and warnings")
                        .isEmpty();
            }
        }
    }

    /** The pairs drawn as edges, read in one script so that a redraw cannot happen halfway. */
    private static Set<String> shownPairs(Browser browser) {
        Object pairs = browser.driver.executeScript(
                "return [...document.querySelectorAll('#graph g.pair')].map(e => e.dataset.pair)");
        Set<String> shown = new TreeSet<>();
        ((List<?>) pairs).forEach(p -> shown.add(String.valueOf(p)));
        return shown;
    }

    private static Set<String> pairIds(JsonNode relations) {
        Set<String> ids = new TreeSet<>();
        relations.forEach(r -> ids.add(r.path("pairId").asText()));
        return ids;
    }

    /** A quad class that some but not all pairs have: the filter must visibly change the graph. */
    private int aQuadWithFewerPairs(EnrichInstance enrich, JsonNode all) throws Exception {
        for (int quad = 1; quad <= 4; quad++) {
            int n = get(enrich.url("/relations?quad=" + quad)).size();
            if (n > 0 && n < all.size()) {
                return quad;
            }
        }
        throw new AssertionError("every quad class has all pairs or none: " + all);
    }

    private void postSamples(IngestService ingest) throws Exception {
        Path samples = Path.of(System.getProperty("bilateral.repo.root", "..")).resolve("samples");
        List<Path> files;
        try (Stream<Path> list = Files.list(samples)) {
            files = new ArrayList<>(
                    list.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
        }
        assertThat(files).hasSize(5);
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            String prefix = files.get(i).getFileName().toString().substring(0, 3);
            post(
                    ingest,
                    newline < 0 ? "" : text.substring(0, newline).strip(),
                    text.substring(newline + 1).strip(),
                    "https://news.example.org/" + prefix,
                    OUTLETS.get(prefix),
                    "2021-12-0" + (i + 1) + "T08:00:00Z");
        }
    }

    private void post(IngestService ingest, String title, String body, String url, String source, String published)
            throws Exception {
        ObjectNode article = AvroJson.mapper()
                .createObjectNode()
                .put("title", title)
                .put("body", body)
                .put("url", url)
                .put("source", source)
                .put("published", published);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(ingest.uri() + "/articles"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(article.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return AvroJson.mapper().readTree(response.body());
    }
}
