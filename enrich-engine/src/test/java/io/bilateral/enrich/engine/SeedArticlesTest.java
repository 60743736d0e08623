package io.bilateral.enrich.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five reference articles: exactly the expected pairs, nothing from the teaser footer. */
class SeedArticlesTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    static ArticleInput seed(String file) throws IOException {
        try (InputStream in = SeedArticlesTest.class.getResourceAsStream("/samples/" + file)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            if (nl < 0) {
                return new ArticleInput(file, "", s, null, null, null);
            }
            return new ArticleInput(
                    file, s.substring(0, nl).strip(), s.substring(nl + 1).stripLeading(), null, null, null);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "000_600784257c125a02.txt, IRN-UZB",
        "001_13beb62d9077d9a8.txt, IRN-UZB",
        "002_209c1dd2b27bd5af.txt, IRN-UZB",
        "003_4776d62a20950e61.txt, IRN-TJK",
        "004_c0d5be32047a8333.txt, IRN-KGZ"
    })
    void shouldFindTheBilateralPairOfEachSeed(String file, String pair) throws IOException {
        Annotation a = ENGINE.annotate(seed(file));
        Set<String> pairs = new TreeSet<>();
        a.events().forEach(e -> pairs.add(e.pairId()));
        // the Iran→US criticism may appear as its own directed event
        pairs.remove("IRN-USA");
        assertThat(pairs).containsExactly(pair);
        assertThat(a.events())
                .filteredOn(e -> e.pairId().equals(pair))
                .extracting(CodedEvent::rootCode)
                .containsAnyOf("03", "04", "05", "06");
    }

    @ParameterizedTest
    @CsvSource({"000_600784257c125a02.txt"})
    void shouldIgnoreTheTeaserFooter(String file) throws IOException {
        Annotation a = ENGINE.annotate(seed(file));
        assertThat(a.countries()).doesNotContain("RUS", "CHN", "ISR", "GBR");
        assertThat(a.entities())
                .noneMatch(e -> e.text().equals("Putin") || e.text().equals("Chinese"));
    }

    @ParameterizedTest
    @CsvSource({"000_600784257c125a02.txt", "004_c0d5be32047a8333.txt"})
    void shouldKeepOffsetsInTheOriginalText(String file) throws IOException {
        ArticleInput in = seed(file);
        Annotation a = ENGINE.annotate(in);
        assertThat(a.entities())
                .isNotEmpty()
                .allSatisfy(
                        e -> assertThat(in.text().substring(e.start(), e.end())).isEqualTo(e.text()));
    }
}
