package dev.parley.ui.voices;

import dev.parley.tts.LanguageCode;
import java.util.Map;

/** The sentence "Play sample" speaks, in the voice's language where we have one, else English. */
final class SampleSentences {

    static final String ENGLISH = "Hello! This is how this voice sounds.";

    private static final Map<String, String> BY_FAMILY = Map.ofEntries(
            Map.entry("en", ENGLISH),
            Map.entry("ca", "Hola! Així sona aquesta veu."),
            Map.entry("cs", "Ahoj! Takhle zní tento hlas."),
            Map.entry("da", "Hej! Sådan lyder denne stemme."),
            Map.entry("de", "Hallo! So klingt diese Stimme."),
            Map.entry("el", "Γεια σας! Έτσι ακούγεται αυτή η φωνή."),
            Map.entry("es", "¡Hola! Así suena esta voz."),
            Map.entry("fi", "Hei! Tältä tämä ääni kuulostaa."),
            Map.entry("fr", "Bonjour ! Voici comment sonne cette voix."),
            Map.entry("hu", "Helló! Így szól ez a hang."),
            Map.entry("it", "Ciao! Ecco come suona questa voce."),
            Map.entry("nl", "Hallo! Zo klinkt deze stem."),
            Map.entry("no", "Hei! Slik høres denne stemmen ut."),
            Map.entry("pl", "Cześć! Tak brzmi ten głos."),
            Map.entry("pt", "Olá! É assim que esta voz soa."),
            Map.entry("ro", "Bună! Așa sună această voce."),
            Map.entry("ru", "Привет! Так звучит этот голос."),
            Map.entry("sk", "Ahoj! Takto znie tento hlas."),
            Map.entry("sv", "Hej! Så här låter den här rösten."),
            Map.entry("uk", "Привіт! Так звучить цей голос."),
            Map.entry("zh", "你好！这是这个声音的示例。"));

    private SampleSentences() {}

    /**
     * @param language a voice's language, e.g. {@code de_DE}, {@code nb_NO} or {@code en}; may be
     *     {@code null} (a broken voice whose language is unknown)
     */
    static String forLanguage(String language) {
        return LanguageCode.parse(language)
                .map(code -> BY_FAMILY.get(Languages.catalogueFamily(code.family())))
                .orElse(ENGLISH);
    }
}
