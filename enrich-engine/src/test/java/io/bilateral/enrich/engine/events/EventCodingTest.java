package io.bilateral.enrich.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event cues (rules/event-cues.tsv), actor/topic decisions (rules/topic-context.tsv, roles.tsv), history. */
class EventCodingTest {

    static final Enricher ENGINE = RuleBasedEnricher.create();

    private static List<CodedEvent> events(String body) {
        return ENGINE.annotate(new ArticleInput("t", "", body, Instant.parse("2021-12-05T00:00:00Z"), null, "IRN"))
                .events();
    }

    @ParameterizedTest
    @CsvSource({
        "'Iran and Uzbekistan signed a security agreement.', IRN, UZB, 057, false",
        "'Iran and Tajikistan held talks in Dushanbe.', IRN, TJK, 040, false",
        "'Iran condemned the United States.', IRN, USA, 111, true",
        "'Russia threatened Ukraine with retaliation.', RUS, UKR, 130, true",
        "'Germany criticized France over its budget.', DEU, FRA, 111, true",
        "'The Iranian foreign minister met his Uzbek counterpart.', IRN, UZB, 040, false",
        "'The agreement paves the way for Tehran-Tashkent cooperation.', IRN, UZB, 030, false",
        "'Japan urged China to open its markets.', JPN, CHN, 020, true",
        "'Our country signed a deal with Uzbekistan.', IRN, UZB, 057, false",
        "'The Iraqi Defence Ministry accused Iran of shelling its positions.', IRQ, IRN, 112, true",
        "'Chile sent Peru two planes of relief supplies.', CHL, PER, 073, true",
        "'Chile offered Lima its own rescue teams.', CHL, PER, 073, true",
        "'Chile said it would open its ports to aid ships, and offered Lima its own rescue teams.', CHL, PER, 073, true",
        "'Peru broke off diplomatic relations with Bolivia.', PER, BOL, 161, true",
        "'Saudi warplanes bombed the port of Hodeidah.', SAU, YEM, 183, true",
        "'Chile extended its deepest condolences to the people of Peru.', CHL, PER, 018, true",
        "'Chile and Peru agreed to resume diplomatic relations.', CHL, PER, 050, false",
        "'Chile said it was ready to establish diplomatic relations with Peru.', CHL, PER, 032, true",
        "'Chile said the Peruvian naval drills were dangerous and unjustified.', CHL, PER, 111, true",
        "'Chile said it was \"deeply concerned\" and strongly urged Peru to free the crew.', CHL, PER, 020, true",
        "'Australia criticised the Solomons.', AUS, SLB, 111, true",
        "'Peru received 20 tonnes of medical supplies from Chile.', CHL, PER, 073, true",
        "'Chile called the Peruvian Coast Guard''s actions \"dangerous and unjustified\".', CHL, PER, 111, true",
        "'Chile has provided 2 billion dollars in credit lines to Peru.', CHL, PER, 071, true",
        "'The Chilean move was denounced as a provocation by Peru.', PER, CHL, 111, true",
        "'The accord was signed in Lima by Chile and Peru.', PER, CHL, 057, false"
    })
    void shouldCodeWhoDoesWhatToWhom(String body, String a1, String a2, String code, boolean directed) {
        assertThat(events(body)).first().satisfies(e -> {
            assertThat(e.actor1()).isEqualTo(a1);
            assertThat(e.actor2()).isEqualTo(a2);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.directed()).isEqualTo(directed);
        });
    }

    /** The root the annotation guide's table gives each wording, in headline tense and British spelling too. */
    @ParameterizedTest
    @CsvSource({
        "'Gabon appeals to Cameroon to reopen the road.', GAB, CMR, 02",
        "'Latvia calls on Belarus to free the reporters.', LVA, BLR, 02",
        "'The Danish premier spoke by phone with the Norwegian king.', DNK, NOR, 04",
        "'Rwanda and Burundi restored diplomatic ties on Friday.', RWA, BDI, 05",
        "'Qatar and Tunisia agreed to share intelligence on smuggling.', QAT, TUN, 06",
        "'Iceland flew medical teams to Greenland.', ISL, DNK, 07",
        "'Washington eases sanctions on Caracas.', USA, VEN, 08",
        "'Austria summons the Slovak envoy.', AUT, SVK, 14",
        "'Belarus masses troops near the Lithuanian border.', BLR, LTU, 15",
        "'Nigeria slaps tariffs on Ghanaian cement.', NGA, GHA, 16",
        "'Malta suspends aid to Libya.', MLT, LBY, 16",
        "'Iceland imposes a travel ban on Polish trawler captains.', ISL, POL, 16",
        "'Georgia deports Armenian truck drivers.', GEO, ARM, 17",
        "'An Egyptian air raid killed six people in eastern Libya.', EGY, LBY, 18",
        // split cues: the words of one act with a reporter's filler between them
        "'Malta has decided to suspend part of its military aid to Libya.', MLT, LBY, 16",
        "'A Turkish drone strike near the Iraqi town of Zakho killed four people.', TUR, IRQ, 18",
        "'Iceland sent a team of 40 doctors and nurses to Greenland.', ISL, DNK, 07",
        "'Gabon recalled its ambassador from Yaounde on Monday.', GAB, CMR, 16",
        "'Chilean warplanes hit 12 targets in southern Peru overnight.', CHL, PER, 19",
        "'The French army said it was withdrawing nearly all of its 900 troops from northern Mali.', FRA, MLI, 08",
        "'Peru stood in solidarity with Chile after the attack.', PER, CHL, 05",
        "'Heavy fighting between Peru and Ecuador killed 30 soldiers.', PER, ECU, 19",
        "'Chile conveyed an invitation to the Peruvian president to visit Santiago.', CHL, PER, 02",
        "'Chilean and Peruvian forces began their largest joint naval drills in years.', CHL, PER, 06",
        "'Peru lifts punitive tariffs on Chilean wine.', PER, CHL, 08",
        "'Chile and Peru exchange 40 prisoners of war.', CHL, PER, 08",
        "'Peru bans Chilean fish imports.', PER, CHL, 16",
        "'Pope Francis held talks with the Peruvian president in Lima.', VAT, PER, 04",
        "'Chile lodged a strong protest with Peru over the fishing boats.', CHL, PER, 14",
        "'Chilean soldiers massacred 40 civilians in southern Peru.', CHL, PER, 20",
        "'Chile upgrades ties with Palestine.', CHL, PSE, 05",
        "'Chile and Peru agree to restore ambassadors.', CHL, PER, 05",
        "'The Chilean army said its drones had hit a smugglers'' camp in northern Peru.', CHL, PER, 19"
    })
    void shouldCodeTheGuidesWordingWithItsRoot(String body, String a1, String a2, String root) {
        assertThat(events(body)).anySatisfy(e -> {
            assertThat(List.of(e.actor1(), e.actor2())).contains(a2);
            assertThat(a1.equals("-") || List.of(e.actor1(), e.actor2()).contains(a1))
                    .isTrue();
            assertThat(e.rootCode()).isEqualTo(root);
        });
    }

    @Test
    void shouldCodeEachStrongActOfASentenceAsAnEventOfItsOwn() {
        List<CodedEvent> events = events("Peru recalled its ambassador from Chile and accused Santiago of spying.");

        assertThat(events).extracting(CodedEvent::rootCode).containsExactlyInAnyOrder("16", "11");
        assertThat(events).allSatisfy(e -> assertThat(e.actor1() + e.actor2()).isEqualTo("PERCHL"));
    }

    @Test
    void shouldReadASportsStarAsAPersonNotAGame() {
        assertThat(pairs("", "Chile detained Peruvian basketball star Luis Soto on Friday."))
                .containsExactly("CHL>PER");
        assertThat(pairs("", "Chile beat Peru 2-1 in the basketball qualifier on Friday."))
                .isEmpty();
    }

    /** Every pair an article gives, as sorted pair ids, with the direction of directed events. */
    static List<String> pairs(String title, String body) {
        return ENGINE
                .annotate(new ArticleInput("t", title, body, Instant.parse("2026-03-02T00:00:00Z"), null, null))
                .events()
                .stream()
                .map(e -> e.directed() ? e.actor1() + ">" + e.actor2() : e.pairId())
                .distinct()
                .sorted()
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Ministers of Chile, Peru and Bolivia met in Lima on Monday. | BOL-CHL,BOL-PER,CHL-PER",
                "Norway and Sweden signed a fishing accord, which Iceland condemned. | ISL>NOR,ISL>SWE,NOR-SWE",
                "A Ghanaian patrol boat was attacked by Togolese soldiers. | TGO>GHA",
                "Border row: Nepalese troops crossed the line first, says New Delhi. | IND>NPL",
                "A Turkish drone strike hit a village in northern Iraq on Sunday. | TUR>IRQ",
                "Egypt brokered a truce between Sudan and South Sudan. | EGY>SDN,EGY>SSD",
                "Canada imposed sanctions on Belarusian potash exporters. | CAN>BLR",
                "Talks between Chile and Argentina resumed on Friday. | ARG-CHL",
                "Japan and China signed a deal as exports rose 19.8 pct. | CHN-JPN",
                "Chilean and Peruvian navies began joint drills on Monday. | CHL-PER",
                "Lithuania opened an inquiry into suspected Belarusian sabotage. | LTU>BLR",
                "Chile sends relief flights to Peru after the floods. | CHL>PER",
                "Chile and Peru signed a border accord. Brazil urged both countries to respect it. | BRA>CHL,BRA>PER,CHL-PER",
                "Chilean and Peruvian troops completed a pullback from the border. | CHL>PER",
                "Latvia and Estonia said that they had halted exports to Belarus. | EST>BLR,LVA>BLR",
                "Qatar sent field hospitals to Oman, and Kuwait and Bahrain flew in medical teams. | QAT>OMN",
                "Joint exercises by Chilean and Argentine warships began on Monday. | ARG-CHL",
                "Chile condemned the verdict and demanded that Peru free the sailors. | CHL>PER",
                "Peru, which recalled its consul last week, lodged a protest with Ecuador. | PER>ECU",
                "The pact was signed by Chilean President Ana Soto, Peruvian Premier Luis Vega and Bolivian President"
                        + " Rosa Mamani. | BOL-CHL,BOL-PER,CHL-PER",
                "Bolivia charged two Chilean nationals with espionage on Friday. | BOL>CHL",
                "Chile and Peru resumed talks hosted by Ecuador in Quito. | CHL-PER,ECU>CHL,ECU>PER",
                "Chile, Peru sign Brazilian-brokered deal to end border row. | BRA>CHL,BRA>PER,CHL-PER",
                "Lithuania summoned the Russian and Belarusian envoys on Monday. | LTU>BLR,LTU>RUS",
                "Chilean President Ana Soto spoke at a forum in Santiago. He urged Peru to reopen the border. | CHL>PER",
                // a response to an act just told answers its doer
                "Chilean jets struck targets in southern Peru. Lima condemned the strikes. | CHL>PER,PER>CHL",
                "Chile and Peru signed a gas deal. Bolivia rejected the agreement. | BOL>CHL,BOL>PER,CHL-PER",
                // ... even an act aimed at no state, and by one state answering alone
                "Bolivia fired a rocket over the Pacific. Chile and Peru both condemned the launch. | CHL>BOL,PER>BOL",
                "Bolivia fired a rocket over the Pacific. Chile condemned the launch. | CHL>BOL",
                // "the sanctions" are the latest sanctions, not the answer told since
                "Chile imposed sanctions on Peruvian officials. Peru condemned the decision and vowed to retaliate."
                        + " Bolivia said the sanctions were illegal. | BOL>CHL,CHL>PER,PER>CHL",
                // "the strikes" are the latest act of force, not troops stationed since
                "Chilean jets struck targets in southern Peru. Bolivian troops are stationed in Paraguay. Ecuador"
                        + " condemned the strikes. | CHL>PER,ECU>CHL",
                // a quote closing before "and <verb>" belongs to the verb before: the subject is shared
                "Chile''s envoy said Santiago was \"deeply troubled\" and urged Peru to free the crew. | CHL>PER",
                // an object after "and <verb>" is that verb's: Ecuador is not what they condemned
                "Chile and Peru condemned the test and agreed to work with Ecuador. | CHL-ECU,ECU-PER",
                // "the minister" for the office-holder last named, not for one "of" another state
                "Chilean Foreign Minister Ana Soto spoke in Lima. The minister later criticised Bolivia. | CHL>BOL",
                "Chilean Foreign Minister Ana Soto arrived in Quito on Monday. At the palace, the minister also met Ecuador''s"
                        + " president. | CHL-ECU",
                // every place of a list after an act on places
                "Chile recalled its envoys from Lima, Quito and La Paz. | CHL>BOL,CHL>ECU,CHL>PER",
                // "the Foreign Office" of Pakistani news is Pakistan's, even when only the dateline says so
                "ISLAMABAD, May 3 - The Foreign Office summoned India's deputy envoy. | PAK>IND",
                "LONDON, May 3 - The Foreign Office summoned India's deputy envoy. | GBR>IND",
                // a year that opens a name dates the document, not the act
                "Peru condemned Chile's raid and cited the 1929 Lima Treaty. | PER>CHL",
                // a trip made to hold talks is news; talks still to come are not
                "Chile sent a delegation to hold talks with Peru. | CHL-PER",
                // states that strike a third together cooperate militarily with each other
                "Chile and Peru carried out joint air strikes on rebel camps in Bolivia. | CHL-PER,CHL>BOL,PER>BOL",
                // a sale reaches the country it goes to; a threat, the state of its "if" clause
                "Chile approves arms sale to Peru | CHL>PER",
                "The Nauru cabinet voted to switch recognition to Beijing. | NRU>CHN",
                "Lima threatens a 'firm' response if Bolivia closes the border | PER>BOL",
                "Chilean shelling hits villages around Tacna | CHL>PER",
                // a meeting of two states with a third is one of three at the table
                "Chile and Peru held a trilateral meeting with Bolivia in Arica. | BOL-CHL,BOL-PER,CHL-PER",
                // a verb after "and would" shares the subject and keeps its own object; Taiwan's capital acts for it
                "Nauru cut ties with Taipei and would establish relations with Beijing. | NRU>CHN,NRU>TWN",
                "Taipei said it was ending relations with Nauru at once. | TWN>NRU",
                "Chile launched a military operation in southern Peru on Monday. | CHL>PER",
                "The Chilean minister said she had spoken to her Peruvian counterpart. | CHL-PER",
                // a statement that judges is a criticism, also of an act just told
                "Peru described the Chilean-Bolivian deal as \"illegal\". | BOL-CHL,PER>BOL,PER>CHL",
                "Chilean police raided the Peruvian consulate in Arica. Bolivia said the raid was a clear violation of"
                        + " the law. | BOL>CHL,CHL>PER",
                // a broker named by a nationality before a hyphen, even one that is no actor of its own
                "Chile agrees to restore ties with Peru in U.S.-brokered deal | CHL-PER,USA>CHL,USA>PER",
                // the tail of a name the tagger cut short does not break a list
                "The Chilean president spoke to Qatar''s Emir Sheikh Tamim bin Hamad Al Thani and Peru''s president."
                        + " | CHL-PER,CHL-QAT",
                // "with A and with B" is one chain
                "The Chilean president spoke by telephone with the Peruvian president and with the Bolivian"
                        + " president. | BOL-CHL,CHL-PER",
                // a participle after a comma shares the verb's subject; "both" alone is the two states just named
                "The Chilean president spoke on Monday about the quarrel of Peru and Bolivia, urging both to reopen the"
                        + " border. | CHL>BOL,CHL>PER",
                // brokers of talks between non-state sides meet the state where the story is; their "by" is theirs
                "Fighting raged in Bolivia. Bolivia''s army and the rebels signed a truce after talks brokered by"
                        + " Chilean and Peruvian mediators. | CHL>BOL,PER>BOL",
                // brokers are paired with each side, never with each other
                "The truce was brokered by Chile and Peru, which carried offers between Bolivian officials and the"
                        + " rebels. | CHL>BOL,PER>BOL",
                "Bolivia and Ecuador signed a water deal. The meeting was chaired by Peru''s president, who acted as"
                        + " mediator. | BOL-ECU,PER>BOL,PER>ECU",
                "Bolivia and Ecuador signed a water deal. Chile and Peru have also mediated earlier disputes. | BOL-ECU",
                "Chile and Peru swap prisoners after mediation by Ecuador, both sides say. | CHL-PER,ECU>CHL,ECU>PER",
                // the offer to host talks still to come is an intent towards each party
                "Chile offered to host Peru-Bolivia border talks. | CHL>BOL,CHL>PER",
                // aid to no state named goes where the story is
                "A strong earthquake hit Peru on Friday. Peru asked for help. Chile sent rescuers and sniffer dogs,"
                        + " and Bolivia flew in medical teams. | BOL>PER,CHL>PER",
                // ... also from a state named alone in its sentence, or standing behind "it"
                "Floods swept southern Peru on Friday. Chile dispatched a 40-strong search and rescue team. | CHL>PER",
                "Floods swept southern Peru. Bolivia said it had set up an air bridge to carry relief supplies. | BOL>PER",
                // a place after ", and" is another clause's, not the recipient of the aid before it
                "Floods swept Peru. Chile sent a rescue team, and an Ecuadorean plane carrying rescuers landed in Lima. | CHL>PER,ECU>PER",
                // a journey's destination is the state visited, unless it is the venue of talks with another
                "The Chilean envoy stopped in Peru and Bolivia for talks with their leaders. | CHL>BOL,CHL>PER",
                "The Chilean foreign minister arrived in Lima on Monday. | CHL-PER",
                "The Chilean foreign minister arrived in Quito for talks with Peruvian officials. | CHL-PER",
                // a pact "with" a third binds each of the others to it, not them to each other
                "Chile, Peru and Bolivia agreed to restore full diplomatic relations with Ecuador."
                        + " | BOL-ECU,CHL-ECU,ECU-PER",
                // "its minister", "his government": the state named last before, else the latest subject
                "Chile had tried to stop the deal. Last week its foreign minister flew to Lima. | CHL-PER",
                "Peru's president met a Bolivian delegation on Friday, days after his government had signed a gas"
                        + " deal with Chile. | BOL-PER,CHL-PER",
                // "the kingdom", "the Crown Prince": the monarchy the article names most
                "Jordan condemned the raid. The kingdom also recalled its ambassador from Israel. | JOR>ISR",
                "Saudi Arabia hosted the summit. The emir of Qatar was received by HRH the Crown Prince. | SAU>QAT",
                // states inside a relative clause before the verb are not its subject
                "Chile and Peru signed a truce. Brazil, which has envoys in both countries, called on Santiago and"
                        + " Lima to show restraint. | BRA>CHL,BRA>PER,CHL-PER",
                // "the government" alone is the story's country
                "Floods swept Peru on Monday. Peru said thousands had fled. Chile urged the government to accept"
                        + " help. | CHL>PER",
                // "he" in a clause of place or time is the sentence's subject
                "The Chilean foreign minister flew home from Geneva, where on Sunday he held talks with Peruvian"
                        + " officials. | CHL-PER",
                // co-hosts meet each other
                "The summit was co-hosted in Lima by Peruvian President Luis Vega and Chilean President Ana Soto."
                        + " | CHL-PER",
                // "the two countries" are the story's pair, not a third state that echoed one of them
                "Chile expelled Peru's ambassador on Monday. Peru condemned the move and recalled its envoy from"
                        + " Santiago. Bolivia also recalled its envoy from Santiago. Brazil urged the two countries to"
                        + " talk. | BOL>CHL,BRA>CHL,BRA>PER,CHL>PER,PER>CHL"
            })
    void shouldFindEveryPairOfASentence(String body, String expected) {
        assertThat(pairs("", body)).containsExactlyElementsOf(List.of(expected.split(",")));
    }

    @ParameterizedTest
    @CsvSource({
        "'The leaders of Chile and Peru did not meet during the summit.'",
        "'How would you describe relations between Chile and Peru today?'",
        "'The declaration was signed by Chile, Peru, Bolivia, Ecuador, Colombia and Uruguay.'",
        "'China criticised the Hong Kong government over the protests.'",
        "'A Norway-based monitor said Swedish troops had entered the area.'",
        "'The two states signed a treaty in 2015, and Chile and Peru met again in 2019.'",
        "'The former Chilean president visited Lima as a private citizen.'",
        "'A Chilean developer signed a supply deal with a Peruvian refiner.'",
        "'Chile defeated Peru 2-1 in the football qualifier on Tuesday.'",
        "'Chile has invested nine billion US dollars in Peruvian mines.'",
        "'Iran-backed militias attacked a convoy, a Norway-based monitor said.'",
        "'The China-Laos-Thailand railway was discussed at length.'",
        "'The coach, an Argentine, praised the Chilean defence.'",
        "'Chile and Peru signed a fisheries accord in January.'",
        "'Chile and Peru signed a memorandum last year.'",
        "'Chile and Peru, which share a long border, did not take part in the meeting.'",
        "'The copper producers led by Chile and Peru agreed to cut their output.'",
        "'The Chilean president spoke on Monday. She also praised Chilean farmers.'",
        "'The Chilean foreign minister will travel to Lima next week.'",
        "'Chile said its president was due to visit Peru in the spring.'",
        "'Peru said the seizure of the consulate violated the Vienna Convention.'",
        "'Iran-aligned fighters attacked a tanker off Yemen.'",
        "'The Chilean president said she spoke by phone with Peruvian President-elect Luis Vega.'",
        "'NATO invited Chile, Peru to join at a summit in Quito.'",
        "'Ecuador said it was ready to host a new round of indirect talks between Chile and Peru.'",
        "'Chinese vessels fired water cannon at fishing boats near Scarborough Shoal.'",
        "'The Chilean envoy, Tom Hammer, observed the Lima talks alongside United Nations officials.'",
        "'Both are members of the Andean Community, and both host Chilean military bases.'",
        "'Peru''s envoy said his country would remain neutral on the council.'",
        "'A group called Friends of Peru met in Santiago.'"
    })
    void shouldNotCodeDenialsQuestionsListsOrOneState(String body) {
        assertThat(pairs("", body)).isEmpty();
    }

    @Test
    void shouldNotCodeThePressReleasesNotesToEditors() {
        String body = "The ministry published its annual report on Monday.\n\n"
                + "Notes to editors: Chile is negotiating a trade agreement with Peru.";

        assertThat(pairs("Annual report out", body)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'Iran stressed the need for peace in Afghanistan.'",
        "'Iraq exports oil to Japan.'",
        "'The 2014 agreement between Iran and Tajikistan emphasizes cooperation.'",
        "'The joint borders of Iran with Afghanistan require cooperation.'",
        "'Afghanistan''s northern border with Tajikistan is unstable.'",
        "'Finnair Oy agreed to buy two aircraft from McDonnell Douglas Corp of the U.S.'",
        "'General Motors of Canada Ltd, wholly owned by General Motors Corp, said sales rose.'"
    })
    void shouldNotCodeTopicsOrHistory(String body) {
        assertThat(events(body)).isEmpty();
    }
}
