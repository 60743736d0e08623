package io.bilateral.enrich.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Items written for this test (not from the development sets): one pair, or none, per language. */
class NativeLanguagesTest {

    private static final RuleBasedEnricher ENGINE = RuleBasedEnricher.create();

    private static Annotation annotate(String language, String text) {
        return ENGINE.annotate(
                new ArticleInput("t", text, "", Instant.parse("2026-02-01T00:00:00Z"), null, null, language));
    }

    private static String pairs(Annotation a) {
        TreeSet<String> pairs = new TreeSet<>();
        for (CodedEvent e : a.events()) {
            pairs.add(e.pairId());
        }
        return String.join(" ", pairs);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ru|Турция осудила удар Израиля по Сирии|ISR-SYR ISR-TUR",
                "ru|Министр иностранных дел Казахстана встретился с китайским коллегой в Астане|CHN-KAZ",
                "ru|Президент Узбекистана провёл переговоры с Ираном|IRN-UZB",
                "fr|Le Maroc et l'Espagne signent un accord sur la pêche|ESP-MAR",
                "fr|Paris convoque l'ambassadeur d'Algérie|DZA-FRA",
                "es|Argentina y Chile firman un acuerdo energético|ARG-CHL",
                "es|El gobierno colombiano condena el ataque de Venezuela|COL-VEN",
                "de|Polen kritisiert Russland wegen Luftraumverletzung|POL-RUS",
                "de|Die Bundesregierung verurteilt den Angriff Irans auf Israel|DEU-IRN IRN-ISR",
                "ar|وقعت مصر والأردن اتفاقية للتعاون في مجال الطاقة|EGY-JOR",
                "ar|أدانت الكويت الهجوم الإسرائيلي على لبنان|ISR-KWT ISR-LBN",
                "fa|ایران و ترکمنستان تفاهم‌نامه همکاری امضا کردند|IRN-TKM",
                "fa|پاکستان سفیر افغانستان را احضار کرد|AFG-PAK",
                "zh|中国与越南签署合作协议|CHN-VNM",
                "zh|日本抗议俄罗斯军机侵犯领空|JPN-RUS",
            })
    void shouldCodeThePairOfANativeItem(String language, String text, String expected) {
        assertThat(pairs(annotate(language, text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ru|Туристы из Германии и Франции посетили выставку в Москве",
                "fr|Des supporters français et belges se sont affrontés après le match",
                "es|Turistas alemanes y franceses visitan Madrid en verano",
                "de|Der Präsident Frankreichs hat die Lage in Syrien nicht kommentiert",
                "ar|ارتفاع درجات الحرارة في مصر والسودان هذا الأسبوع",
                "fa|بازیکنان ایرانی و عراقی در مسابقه شرکت کردند",
                "zh|中国和日本游客在巴黎参观博物馆",
            })
    void shouldCodeNoPairWhenStatesAreOnlyNamed(String language, String text) {
        assertThat(pairs(annotate(language, text))).isEmpty();
    }

    @Test
    void shouldRunNoEnglishNameRuleOnFrench() {
        Annotation a = annotate("fr", "La France et l'Allemagne signent un accord à Moscou avec Zorbel Quintaro");
        List<String> persons = a.entities().stream()
                .filter(e -> e.type() == EntityType.PERSON)
                .map(Entity::text)
                .toList();
        assertThat(persons).isEmpty();
        assertThat(pairs(a)).isEqualTo("DEU-FRA");
    }

    @Test
    void shouldPublishALanguageWithoutRulesWithDictionaryEntitiesAndNoEvents() {
        Annotation a = annotate("tr", "Türkiye ve Iran anlaşma imzaladı, NATO toplantısı Ankara'da");
        assertThat(a.events()).isEmpty();
        assertThat(a.entities()).extracting(Entity::text).contains("Iran", "NATO");
    }

    @Test
    void shouldReadRussianCasesArabicPrefixesPersianJoinersAndChineseWithoutSpaces() {
        assertThat(annotate("ru", "с Россией, в России, российско-иранский").entities())
                .extracting(Entity::country)
                .containsOnly("RUS", "IRN");
        assertThat(annotate("ar", "والعراق وبالعراق للعراق").entities())
                .extracting(Entity::country)
                .containsExactly("IRQ", "IRQ", "IRQ");
        assertThat(annotate("fa", "ایرانی‌ها و ایرانیها").entities())
                .extracting(Entity::country)
                .containsExactly("IRN", "IRN");
        assertThat(annotate("zh", "俄罗斯总统访问伊朗").entities())
                .extracting(Entity::country)
                .containsExactly("RUS", "IRN");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the parties of a mutual act before it, verb last; a run of one-character abbreviations
                "fa|ترکیه و عراق قرارداد همکاری امضا کردند|IRQ-TUR",
                "zh|中日韩三国外长举行会谈|CHN-JPN CHN-KOR JPN-KOR",
                // a nominal mutual act and the states listed after it
                "fa|نشست سه‌جانبه‌ی ترکیه، عراق و سوریه در بغداد|IRQ-SYR IRQ-TUR SYR-TUR",
                // a nationality as the target: German separable verb, Spanish stem change
                "de|Frankreich weist drei iranische Diplomaten aus|FRA-IRN",
                "es|Marruecos detiene a dos argelinos en Melilla|DZA-MAR",
                // Russian reflexive past, and a starred word inside a name ("Северн* Коре*")
                "ru|Армения и Грузия договорились о границе|ARM-GEO",
                "ru|Япония осудила пуск ракеты Северной Кореей|JPN-PRK",
            })
    void shouldReadTheWordOrdersAndFormsOfEachLanguage(String language, String text, String expected) {
        assertThat(pairs(annotate(language, text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zh|中国、日本、韩国等国代表举行会谈", // an open list ("等") is no meeting of three
                "zh|中美洲国家举行会谈", // Central America, not China and the USA
                "ru|Пятьдесят лет назад Египет и Израиль подписали договор",
                "fa|در سال ۱۳۵۹ عراق به ایران حمله کرد", // a Persian year long before the article's
            })
    void shouldCodeNoPairInOpenListsWordsOrThePast(String language, String text) {
        assertThat(pairs(annotate(language, text))).isEmpty();
    }

    @Test
    void shouldTurnTheDirectionToTheStateAfterTheTargetPreposition() {
        List<CodedEvent> events = annotate("zh", "日本向越南提供援助").events();

        assertThat(events)
                .extracting(CodedEvent::actor1, CodedEvent::actor2)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("JPN", "VNM"));
    }

    @Test
    void shouldReadTheObjectMarkedByPersianRaAsTheTarget() {
        List<CodedEvent> events =
                annotate("fa", "لندن مسکو را به جاسوسی متهم کرد").events();

        assertThat(events)
                .extracting(CodedEvent::actor1, CodedEvent::actor2)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GBR", "RUS"));
    }

    @Test
    void shouldReadRussianFleetingVowelsAndKosovoInEveryPack() {
        assertThat(annotate("ru", "в Египте, с Египтом").entities())
                .extracting(Entity::country)
                .containsExactly("EGY", "EGY");
        assertThat(pairs(annotate("de", "Serbien verhängt Sanktionen gegen Kosovo")))
                .isEqualTo("SRB-XKX");
    }
}
