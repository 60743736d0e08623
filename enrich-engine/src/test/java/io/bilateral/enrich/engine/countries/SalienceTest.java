package io.bilateral.enrich.engine.countries;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import org.junit.jupiter.api.Test;

/** Which countries an article is about: title and lead weigh more, passing mentions and currencies less. */
class SalienceTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    private static Annotation annotate(String title, String body) {
        return ENGINE.annotate(new ArticleInput("t", title, body, null, null, null));
    }

    private static final String FILLER = " The company gave no further details about the plan or its costs.".repeat(8);

    @Test
    void shouldKeepTheTitleCountryAndDropAPassingMentionFurtherDown() {
        Annotation a = annotate(
                "Japan raises rice imports",
                "Tokyo officials said imports would rise." + FILLER + " A similar plan was tried in Peru years ago.");
        assertThat(a.countries()).containsExactly("JPN");
    }

    @Test
    void shouldNotCountANationalityBeforeACurrencyAsMuchAsAPlace() {
        Annotation place = annotate("Bank issues notes", "The bank said it would issue notes in Swiss markets.");
        Annotation money = annotate(
                "Bank issues notes", "The Japanese bank said it would issue 100 mln Swiss " + "francs of notes.");
        assertThat(place.countries()).contains("CHE");
        assertThat(money.countries()).containsExactly("JPN");
    }

    @Test
    void shouldPlaceAMoneyStoryThatNamesNoCountryByItsUnqualifiedCurrency() {
        assertThat(annotate(
                                "Acme Widgets sets dividend",
                                "Acme Widgets said it will pay 12 cts a share, " + "or five mln dlrs.")
                        .countries())
                .containsExactly("USA");
        assertThat(annotate("Acme Widgets sets dividend", "The board met on Monday.")
                        .countries())
                .isEmpty();
    }

    @Test
    void shouldNotTakeDollarsForUsDollarsWhenTheCompanyHasALegalFormTheUsDoesNotUse() {
        assertThat(annotate("Dylex Ltd year net", "Dylex Ltd said net rose to 25 mln dlrs.")
                        .countries())
                .isEmpty();
        assertThat(annotate("Dylex Inc year net", "Dylex Inc said net rose to 25 mln dlrs.")
                        .countries())
                .containsExactly("USA");
    }

    @Test
    void shouldNotMakeTheListingVenueOfABondItsSubject() {
        assertThat(annotate(
                                "Acme issues bond",
                                "Acme Widgets is issuing a 100 mln dlr bond. It will be listed in " + "Luxembourg.")
                        .countries())
                .doesNotContain("LUX");
    }

    @Test
    void shouldNotPlaceAnArticleByOnePassingMentionFurtherDownAlone() {
        assertThat(annotate(
                                "Widget sales rise",
                                "Widget makers said sales rose." + FILLER
                                        + " A similar plan was tried in Peru years ago.")
                        .countries())
                .isEmpty();
    }

    @Test
    void shouldPlaceACompanyByTheExchangeOfItsInstrumentCode() {
        assertThat(annotate("Widget maker sells unit", "Acme Widgets <ACMW.L> said it sold its unit.")
                        .countries())
                .containsExactly("GBR");
        assertThat(annotate("Widget maker sells unit", "Acme Widgets (7203.T) said it sold its unit.")
                        .countries())
                .containsExactly("JPN");
        // US exchanges list foreign companies too: no country from them
        assertThat(annotate("Widget maker sells unit", "Acme Widgets <ACMW.N> said it sold its unit.")
                        .countries())
                .isEmpty();
    }
}
