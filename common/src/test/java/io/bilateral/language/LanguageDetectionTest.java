package io.bilateral.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectionTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|Iran and Uzbekistan sign a transit agreement",
                "ru|Казахстан и Китай подписали соглашение о транзите",
                "fa|وزیر خارجه ایران با همتای ترکمن خود دیدار کرد",
                "ar|وزير الخارجية الأردني يزور القاهرة",
                "fr|Le Maroc rappelle son ambassadeur à Alger",
                "es|Bolivia y Perú firman un acuerdo fronterizo",
                "de|Polen verstärkt die Grenze zu Belarus",
                "zh|中国外长会见越南副总理",
                "uk|Україна та Польща підписали угоду про транзит",
                "tr|Türkiye ile Irak arasında yeni su anlaşması",
            })
    void shouldDetectTheLanguageOfAHeadline(String expected, String headline) {
        assertThat(LanguageDetection.detect(headline, "")).isEqualTo(expected);
    }

    @Test
    void shouldPreferTheLanguageASourceDeclares() {
        assertThat(LanguageDetection.of("FR", "Iran and Uzbekistan sign a transit agreement", ""))
                .isEqualTo("fr");
        assertThat(LanguageDetection.of("zh_Hans", "", "")).isEqualTo("zh-Hans");
        assertThat(LanguageDetection.of(" ", "Le Maroc rappelle son ambassadeur", ""))
                .isEqualTo("fr");
    }

    @Test
    void shouldSayUndeterminedForTextWithoutLetters() {
        assertThat(LanguageDetection.detect("2026 — 14:05", "")).isEqualTo(LanguageDetection.UNDETERMINED);
    }
}
