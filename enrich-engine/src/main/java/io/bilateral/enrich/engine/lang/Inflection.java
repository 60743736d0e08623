package io.bilateral.enrich.engine.lang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The surface forms a table entry stands for in one language, expanded once at start-up so that matching is a plain
 * dictionary lookup: a trailing {@code *} takes the language's endings; an Arabic word also its attached
 * conjunctions and prepositions (و، ف، ب، ل، ك, with ال becoming لل); a Persian word written with the zero-width
 * non-joiner also its form written together. Over-generation is harmless: a form that is no word never occurs.
 */
final class Inflection {

    private static final Map<String, String[]> ENDINGS = Map.of(
            "ru",
            new String[] {
                "",
                "а",
                "я",
                "у",
                "ю",
                "ом",
                "ем",
                "ём",
                "е",
                "и",
                "ы",
                "ой",
                "ей",
                "ою",
                "ею",
                "ий",
                "ый",
                "ой",
                "ого",
                "его",
                "ому",
                "ему",
                "им",
                "ым",
                "ая",
                "яя",
                "ую",
                "юю",
                "ое",
                "ее",
                "ие",
                "ые",
                "их",
                "ых",
                "ими",
                "ыми",
                "ам",
                "ям",
                "ами",
                "ями",
                "ах",
                "ях",
                "ов",
                "ев",
                "ь",
                "ью",
                "л",
                "ла",
                "ло",
                "ли",
                "ет",
                "ют",
                "ут",
                "ит",
                "ят",
                "ил",
                "ила",
                "или",
                "ило",
                "ал",
                "ала",
                "али",
                "ало",
                "ял",
                "яла",
                "яли",
                "ся",
                "сь",
                "лся",
                "лась",
                "лись",
                "ется",
                "ются",
                "ение",
                "ения",
                "ению",
                "ением",
                "ении",
                "ание",
                "ания",
                "анию",
                "анием",
                "ании",
                "ены",
                "ен",
                "ена",
                "ано",
                "аны",
                "ан",
                "ана",
                "ую",
                "ать",
                "ить",
                "ует",
                "уют",
                "овал",
                "овала",
                "овали",
                "ования",
                "ование",
                "ованию",
                "ованием",
                "овании",
                // reflexive forms: "договорились", "встретился", "обменялись", "ведётся"
                "ись",
                "ась",
                "ось",
                "ился",
                "илась",
                "ились",
                "ится",
                "ятся",
                "ался",
                "алась",
                "ались",
                "ются",
                "ется",
                "ёт",
                "ётся",
                "уется",
                "уются",
                "ировал",
                "ировала",
                "ировали"
            },
            "de",
            new String[] {
                "", "e", "en", "er", "es", "em", "n", "s", "t", "te", "ten", "tet", "st", "et", "ung", "ungen", "ern",
                "ische", "ischen", "ischer", "isches", "ischem"
            },
            "fr",
            new String[] {
                "", "e", "s", "es", "ent", "é", "ée", "és", "ées", "er", "ait", "aient", "ant", "ons", "ez", "ion",
                "ions", "a", "ra", "ront", "èrent", "ne", "nes", "ns"
            },
            "es",
            new String[] {
                "", "a", "o", "as", "os", "s", "es", "e", "ó", "ado", "ada", "ados", "adas", "ar", "ará", "arán",
                "aron", "an", "ía", "ido", "ida", "idos", "idas", "ión", "iones", "ieron", "ió", "en", "ir", "ará"
            },
            "ar",
            new String[] {"", "ت", "ة", "ي", "ية", "ون", "ين", "يون", "يين", "ان", "ات", "ها", "هم", "تين", "وا"},
            "fa",
            new String[] {"", "ی", "ها", "های", "ان", "ای", "یان", "هایی"},
            "zh",
            new String[] {""});

    /**
     * The endings of a starred word that is not the last of its phrase: the agreeing adjective or noun forms only
     * ("Северн* Коре*" → "Северной Кореи"), so that a phrase of two starred words stays a few thousand forms and not
     * the square of the whole list (the Russian names alone took 18 s to load that way).
     */
    private static final Map<String, String[]> NON_FINAL = Map.of(
            "ru",
            new String[] {
                "", "а", "у", "е", "и", "ы", "ом", "ой", "ей", "ий", "ый", "ого", "его", "ому", "ым", "им", "ая", "ую",
                "ое", "ие", "ые", "их", "ых", "ов"
            },
            "de",
            new String[] {"", "e", "en", "er", "es", "em", "n", "s", "t", "te", "ten"},
            "fr",
            new String[] {"", "e", "s", "es"},
            "es",
            new String[] {"", "a", "o", "as", "os", "s", "es"},
            "ar",
            new String[] {"", "ة", "ي", "ية", "ات", "ين", "ون"},
            "fa",
            new String[] {"", "ی", "ها", "های"},
            "zh",
            new String[] {""});

    // conjunctions, prepositions and the present tense's person prefixes ("تطالب", "يدين")
    private static final String[] ARABIC_PREFIXES = {
        "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "س", "وس", "ت", "ي", "وت", "وي"
    };

    private Inflection() {}

    /**
     * The forms of a table entry: every word written with a trailing {@code *} takes the endings of the language, so
     * "Северн* Коре*" is also "Северной Кореи" and "bestellt* ein" also "bestellte ein" (a {@code *} inside a phrase
     * used to stay a literal star, and such an entry never matched).
     */
    static List<String> forms(String language, String entry) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        List<String> out = List.of("");
        String[] words = e.split(" ");
        for (int k = 0; k < words.length; k++) {
            String word = words[k];
            Map<String, String[]> table = k == words.length - 1 ? ENDINGS : NON_FINAL;
            List<String> next = new ArrayList<>();
            for (String w : word.endsWith("*") ? endings(language, word, table) : List.of(word)) {
                for (String head : out) {
                    next.add(head.isEmpty() ? w : head + " " + w);
                }
            }
            out = next;
        }
        return script(language, new LinkedHashSet<>(out));
    }

    private static List<String> endings(String language, String word, Map<String, String[]> table) {
        String stem = word.substring(0, word.length() - 1);
        String[] ends = table.getOrDefault(language, new String[] {""});
        List<String> stems = language.equals("es") ? spanishStems(stem) : List.of(stem);
        List<String> out = new ArrayList<>(ends.length * stems.size());
        for (String s : stems) {
            for (String end : ends) {
                out.add(s + end);
            }
        }
        return out;
    }

    /**
     * A Spanish stem and its stressed present-tense forms: the last e of the stem becomes ie or i, the last o ue
     * ("deten*" → "detiene", "ped*" → "pide", "advert*" → "advierte", "mostr*" → "muestra").
     */
    private static List<String> spanishStems(String stem) {
        int v = Math.max(stem.lastIndexOf('e'), stem.lastIndexOf('o'));
        if (v < 1 || stem.length() < 3) {
            return List.of(stem);
        }
        String head = stem.substring(0, v);
        String tail = stem.substring(v + 1);
        return stem.charAt(v) == 'e'
                ? List.of(stem, head + "ie" + tail, head + "i" + tail)
                : List.of(stem, head + "ue" + tail);
    }

    /**
     * The forms of a country name as CLDR writes it (nominative): Russian names also take the case endings of their
     * last word (Россия → России, Россией; Иран → Ирана, Ираном).
     */
    static List<String> nameForms(String language, String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        out.add(n);
        if (language.equals("ru")) {
            int sp = n.lastIndexOf(' ');
            String head = n.substring(0, sp + 1);
            String w = n.substring(sp + 1);
            for (String f : russianCases(w)) {
                out.add(head + f);
            }
        } else if (language.equals("de") && !n.endsWith("s")) {
            out.add(n + "s"); // genitive: "Irans", "Russlands"
        }
        return script(language, out);
    }

    private static List<String> russianCases(String w) {
        List<String> out = new ArrayList<>();
        if (w.length() < 3) {
            return out;
        }
        String stem = w.substring(0, w.length() - 1);
        char last = w.charAt(w.length() - 1);
        if (w.endsWith("ия")) {
            add(out, stem, "и", "ю", "ей", "ею");
        } else if (last == 'а') {
            add(out, stem, "ы", "и", "е", "у", "ой", "ою");
        } else if (last == 'я') {
            add(out, stem, "и", "е", "ю", "ей");
        } else if (last == 'й') {
            add(out, stem, "я", "ю", "ем", "е");
        } else if (last == 'ь') {
            add(out, stem, "и", "ью", "я", "ю", "ем", "е");
        } else if (w.endsWith("ы")) {
            add(out, stem, "ов", "ам", "ами", "ах");
        } else if ("бвгджзклмнпрстфхцчшщ".indexOf(last) >= 0) {
            add(out, w, "а", "у", "ом", "е");
            char vowel = w.charAt(w.length() - 2);
            if (vowel == 'е' || vowel == 'о') {
                // a fleeting vowel: Египет → Египта, Египтом
                add(out, w.substring(0, w.length() - 2) + last, "а", "у", "ом", "е");
            }
        }
        return out;
    }

    private static void add(List<String> out, String stem, String... ends) {
        for (String e : ends) {
            out.add(stem + e);
        }
    }

    private static List<String> script(String language, Set<String> forms) {
        if (language.equals("ar")) {
            Set<String> out = new LinkedHashSet<>(forms);
            Set<String> withArticle = new LinkedHashSet<>(forms);
            for (String f : forms) {
                if (!f.startsWith("ال")) {
                    withArticle.add("ال" + f); // the article: "هجوم" → "الهجوم"
                }
            }
            out.addAll(withArticle);
            for (String f : withArticle) {
                for (String p : ARABIC_PREFIXES) {
                    if (f.startsWith("ال") && p.endsWith("ل")) {
                        out.add(p + f.substring(1)); // ل + ال → لل
                    } else {
                        out.add(p + f);
                    }
                }
            }
            return List.copyOf(out);
        }
        if (language.equals("fa")) {
            Set<String> out = new LinkedHashSet<>(forms);
            for (String f : forms) {
                if (f.indexOf('\u200c') >= 0) {
                    out.add(f.replace("\u200c", ""));
                }
            }
            return List.copyOf(out);
        }
        return List.copyOf(forms);
    }
}
