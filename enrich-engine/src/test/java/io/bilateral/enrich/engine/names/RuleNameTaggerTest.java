package io.bilateral.enrich.engine.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
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
                "Chaminda Vaas took four wickets on Friday.|Chaminda Vaas|PERSON",
                // a given name opens it, also at the start of a sentence and when the given name is a word ("mike")
                "Mike Conley won the final.|Mike Conley|PERSON",
                // a title before it; the role runs to the last title word
                "Iraq's Deputy Prime Minister Tareq Aziz arrived.|Tareq Aziz|PERSON",
                // an initial and its full stop
                "The best bowler was M. Bicknell with four wickets.|M. Bicknell|PERSON",
                // link words inside a name
                "Tries were scored by Joost van der Westhuizen on Saturday.|Joost van der Westhuizen|PERSON",
                // "of" ends a person's name
                "The goal came from Stephan Marasek of Freiburg in the second half.|Stephan Marasek|PERSON",
                // an organisation word at the end, in capitals too
                "ROCKY MOUNTAIN MEDICAL CORP said net rose.|ROCKY MOUNTAIN MEDICAL CORP|ORGANIZATION",
                // an acronym in running text
                "Officials of the CFDT union joined the strike.|CFDT|ORGANIZATION",
                // a lone name after 'the' is no person
                "It was the Springboks who looked the stronger side.|Springboks|ORGANIZATION",
                // after a locative preposition or a place noun, a name is a place
                "A police commander in Tacambaro, told the radio.|Tacambaro|LOCATION",
                "Rebels held the town of Arbil for a week.|Arbil|LOCATION",
                "The test is played at Trent Bridge on Thursday.|Trent Bridge|LOCATION",
                // a city followed by a score is its team; a dateline's city stays a place
                "Swansea 49 Cardiff 23|Cardiff|ORGANIZATION",
                "LONDON 1996-08-30|LONDON|LOCATION",
                // religious and regional adjectives
                "Kurdish rebels attacked the border post.|Kurdish|NORP",
                // events, laws and prizes, with the place that opens their name
                "He scored twice in the World Cup qualifier.|World Cup|MISC",
                "She reached the semifinals of the Hong Kong Open on Friday.|Hong Kong Open|MISC",
                // a place inside a name: a club's, a company's, a person's family name
                "Fans threw bottles at Dynamo Moscow players.|Dynamo Moscow|ORGANIZATION",
                "The report was carried by the official Iraqi News Agency on Friday.|Iraqi News Agency|ORGANIZATION",
                "The film was directed by Elia Kazan in 1954.|Elia Kazan|PERSON",
                // a city's team: before a score, after 'v' or 'beat', before a player's role
                "Surrey beat Leicestershire by an innings.|Leicestershire|ORGANIZATION",
                "The Norwich striker scored twice.|Norwich|ORGANIZATION",
                "The San Diego Padres blanked the Expos.|San Diego Padres|ORGANIZATION",
                // titles in quotes, years before events, two nationalities in a row
                "He won an award for \" Return of the Legend \" in 1994.|Return of the Legend|MISC",
                "Belgium began their 1998 World Cup campaign.|1998 World Cup|MISC",
                "Allies decided to protect Iraqi Kurds in the north.|Iraqi Kurds|NORP",
                // the role ends where a given name starts
                "Prime Minister John Major arrived.|John Major|PERSON",
                // teams in results: before a score, after a rider's country, an acronym or club word with a city
                "Slovan Liberec 3 Petra Drnovice 1|Slovan Liberec|ORGANIZATION",
                "3. Abraham Olano ( Spain ) Mapei 12 seconds behind|Mapei|ORGANIZATION",
                "PSV Eindhoven maintained their lead.|PSV Eindhoven|ORGANIZATION",
                "He joined Leeds United on Monday.|Leeds United|ORGANIZATION",
                // creeds and peoples
                "Talks with the hardline Maoist rebels failed.|Maoist|MISC",
                "An estimated 50,000 Algerians live there.|Algerians|NORP",
                // the words around a company's or a newspaper's name
                "The opposition daily Zycie Warszawy said the talks failed.|Zycie Warszawy|ORGANIZATION",
                "Tarvos shares rose 5 percent.|Tarvos|ORGANIZATION",
                // a club: a city in brackets after a player, a city before a cricket score, the visitor of a fixture
                "CLEVELAND AT DETROIT|CLEVELAND|ORGANIZATION",
                "CLEVELAND AT DETROIT|DETROIT|LOCATION",
                "Goals were scored by Sasa Becanovic ( Lille ) and others.|Lille|ORGANIZATION",
                "Yorkshire 529-8 declared|Yorkshire|ORGANIZATION",
                // persons in results lines stay persons
                "Corey Pavin 73 70 70|Corey Pavin|PERSON",
                // a given name that is also a month, an initial that is also a word, a firm joined by '&'
                "He lost to Jan Siemerink in the final.|Jan Siemerink|PERSON",
                "A. Stewart c Asif Mujtaba b Waqar Younis 44|A. Stewart|PERSON",
                "The rating was cut by Duff & Phelps on Monday.|Duff & Phelps|ORGANIZATION"
            })
    void shouldTagNamesTheDictionaryDoesNotKnow(String body, String text, String type) {
        assertThat(entities(body)).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo(text);
            assertThat(e.type()).isEqualTo(type);
        });
    }

    @Test
    void shouldReadALoneFamilyNameAsThePersonNamedInFullBefore() {
        List<Entity> es = entities("Stefan Edberg lost in the first round. Afterwards Edberg was calm.");
        assertThat(es)
                .filteredOn(e -> e.text().equals("Edberg"))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo("PERSON"));
    }

    @Test
    void shouldReadAWordOfAHeadlineOrAnOrdinaryWordAsTheNameTheArticleGivesIt() {
        List<Entity> es = entities("ATHLETICS - MITCHELL DEFEATS BAILEY\n\nDennis Mitchell beat Donovan Bailey. "
                + "Miller raised the pace. Coach Andy Miller was pleased.");
        assertThat(es)
                .filteredOn(e -> e.type().equals("PERSON"))
                .extracting(Entity::text)
                .contains("MITCHELL", "BAILEY", "Miller", "Andy Miller");
    }

    @Test
    void shouldReadALoneAcronymAsTheOrganisationItAbbreviates() {
        List<Entity> es = entities("The Kurdistan Democratic Party ( KDP ) said the KDP had won.");
        assertThat(es)
                .filteredOn(e -> e.text().equals("KDP"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.type()).isEqualTo("ORGANIZATION"));
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
