package io.bilateral.enrich.engine.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule name tagger through the engine: names the dictionary does not know, one rule family a case. */
class RuleNameTaggerTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    private static List<Entity> entities(String body) {
        return ENGINE.annotate(new ArticleInput("t", "", body, null, null, null))
                .entities();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // no word of the name is an English word
                "Ruvindra Kaspeth took four wickets on Friday.|Ruvindra Kaspeth|PERSON",
                // a given name opens it, also at the start of a sentence and when the given name is a word ("mike")
                "Mike Tarrow won the final.|Mike Tarrow|PERSON",
                // a title before it; the role runs to the last title word
                "Iraq's Deputy Prime Minister Hamid Zubeiri arrived.|Hamid Zubeiri|PERSON",
                // an initial and its full stop
                "The best bowler was R. Quillfeather with four wickets.|R. Quillfeather|PERSON",
                // link words inside a name
                "Tries were scored by Pieter van der Rietmolen on Saturday.|Pieter van der Rietmolen|PERSON",
                // "of" ends a person's name
                "The goal came from Stefan Dravnik of Bremen in the second half.|Stefan Dravnik|PERSON",
                // an organisation word at the end, in capitals too
                "ROCKY MOUNTAIN MEDICAL CORP said net rose.|ROCKY MOUNTAIN MEDICAL CORP|ORGANIZATION",
                // an acronym in running text
                "Officials of the FNTZ union joined the strike.|FNTZ|ORGANIZATION",
                // a lone name after 'the' is no person
                "It was the Kestrelmen who looked the stronger side.|Kestrelmen|ORGANIZATION",
                // after a locative preposition or a place noun, a name is a place
                "A police commander in Valtorigo, told the radio.|Valtorigo|LOCATION",
                "Rebels held the town of Zerkhan for a week.|Zerkhan|LOCATION",
                "The test is played at Dunmore Bridge on Thursday.|Dunmore Bridge|LOCATION",
                // a city followed by a score is its team; a dateline's city stays a place
                "Valletta 31 Graz 17|Graz|ORGANIZATION",
                "OSLO 2003-04-17|OSLO|LOCATION",
                // religious and regional adjectives
                "Kurdish rebels attacked the border post.|Kurdish|NORP",
                // events, laws and prizes, with the place that opens their name
                "He scored twice in the World Cup qualifier.|World Cup|MISC",
                "She reached the semifinals of the Singapore Open on Friday.|Singapore Open|MISC",
                // a place inside a name: a club's, a company's, a person's family name
                "Fans threw bottles at Torpedo Samara players.|Torpedo Samara|ORGANIZATION",
                "The report was carried by the official Syrian News Agency on Friday.|Syrian News Agency|ORGANIZATION",
                "The film was directed by Marta Lyon in 1954.|Marta Lyon|PERSON",
                // a city's team: before a score, after 'v' or 'beat', before a player's role
                "Valletta beat Linz by an innings.|Linz|ORGANIZATION",
                "The Toulouse striker scored twice.|Toulouse|ORGANIZATION",
                "The Portland Herons blanked the Otters.|Portland Herons|ORGANIZATION",
                // titles in quotes, years before events, two nationalities in a row
                "He won an award for \" Night of the Falcon \" in 1994.|Night of the Falcon|MISC",
                "Norway began their 2010 World Cup campaign.|2010 World Cup|MISC",
                "Allies decided to protect Syrian Kurds in the north.|Syrian Kurds|NORP",
                // the role ends where a given name starts
                "Prime Minister John Calder arrived.|John Calder|PERSON",
                // teams in results: before a score, after a rider's country, an acronym or club word with a city
                "Dukla Vesnov 3 Sparta Olin 1|Dukla Vesnov|ORGANIZATION",
                "3. Marco Vellani ( Italy ) Fenix 12 seconds behind|Fenix|ORGANIZATION",
                "RKV Utrecht maintained their lead.|RKV Utrecht|ORGANIZATION",
                "He joined Aarhus United on Monday.|Aarhus United|ORGANIZATION",
                // creeds and peoples
                "Talks with the hardline Maoist rebels failed.|Maoist|MISC",
                "An estimated 50,000 Algerians live there.|Algerians|NORP",
                // the words around a company's or a newspaper's name
                "The opposition daily Glos Narodny said the talks failed.|Glos Narodny|ORGANIZATION",
                "Tarvos shares rose 5 percent.|Tarvos|ORGANIZATION",
                // a club: a city in brackets after a player, a city before a cricket score, the visitor of a fixture
                "PORTLAND AT DENVER|PORTLAND|ORGANIZATION",
                "PORTLAND AT DENVER|DENVER|LOCATION",
                "Goals were scored by Dario Mavrek ( Dijon ) and others.|Dijon|ORGANIZATION",
                "Canterbury 412-6 declared|Canterbury|ORGANIZATION",
                // persons in results lines stay persons
                "Dale Fenrick 73 70 70|Dale Fenrick|PERSON",
                // a given name that is also a month, an initial that is also a word, a firm joined by '&'
                "He lost to Jan Verhoeckx in the final.|Jan Verhoeckx|PERSON",
                "A. Fletcher c Imran Qadir b Sohail Rana 44|A. Fletcher|PERSON",
                "The rating was cut by Duff & Phelps on Monday.|Duff & Phelps|ORGANIZATION"
            })
    void shouldTagNamesTheDictionaryDoesNotKnow(String body, String text, EntityType type) {
        assertThat(entities(body)).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo(text);
            assertThat(e.type()).isEqualTo(type);
        });
    }

    @Test
    void shouldReadALoneFamilyNameAsThePersonNamedInFullBefore() {
        List<Entity> es = entities("Stefan Lindqvar lost in the first round. Afterwards Lindqvar was calm.");
        assertThat(es)
                .filteredOn(e -> e.text().equals("Lindqvar"))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON));
    }

    @Test
    void shouldReadAWordOfAHeadlineOrAnOrdinaryWordAsTheNameTheArticleGivesIt() {
        List<Entity> es = entities("ATHLETICS - HARTLEY DEFEATS MORCAMBE\n\nDennis Hartley beat Owen Morcambe. "
                + "Miller raised the pace. Coach Andy Miller was pleased.");
        assertThat(es)
                .filteredOn(e -> e.type() == EntityType.PERSON)
                .extracting(Entity::text)
                .contains("HARTLEY", "MORCAMBE", "Miller", "Andy Miller");
    }

    @Test
    void shouldReadALoneAcronymAsTheOrganisationItAbbreviates() {
        List<Entity> es = entities("The Northland Liberal Front ( NLF ) said the NLF had won.");
        assertThat(es)
                .filteredOn(e -> e.text().equals("NLF"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Organizers petitioned the agency on Monday.",
                "The lull in late June and July was temporary.",
                "Shr loss 42 cts vs profit 12 cts",
                "LEAGUE STANDINGS AFTER FRIDAY 'S GAMES"
            })
    void shouldNotTakeOrdinaryCapitalisedWordsForNames(String body) {
        assertThat(entities(body)).isEmpty();
    }
}
