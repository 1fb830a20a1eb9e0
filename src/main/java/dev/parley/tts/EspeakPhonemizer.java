package dev.parley.tts;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phonemes for Piper voices of {@code phoneme_type: espeak}, made the way Piper makes them with
 * the espeak-ng library, but through the espeak-ng command line.
 *
 * <p>Per clause, espeak-ng's IPA ({@code -q --ipa}, no separators, as Piper's {@code phonememode}
 * 0x02) is decomposed (NFD), language switch markers such as {@code (en)} are removed with their
 * contents, and the punctuation that ended the clause is put back: {@code , : ;} (a dash counts as
 * {@code ;}) followed by a space, {@code . ? !} alone, which also end the sentence; a blank line or
 * {@code 。} ends a sentence with nothing put back (see {@link ClauseSplitter}). Every code point of
 * the result is one phoneme; stress marks, length marks and spaces are kept.
 *
 * <p>One espeak-ng process per chunk: the clauses go in one per line, and without {@code --stdin}
 * espeak-ng translates each input line on its own and prints one line of phonemes per clause. If
 * the line count disagrees with the clause count (espeak-ng split a clause further), the chunk is
 * redone with one process per clause, joining a clause's lines with spaces.
 *
 * <p>Thread-safe.
 */
public final class EspeakPhonemizer {

    private static final Logger LOG = LoggerFactory.getLogger(EspeakPhonemizer.class);

    private final EspeakCommand espeak;

    public EspeakPhonemizer(EspeakCommand espeak) {
        this.espeak = Objects.requireNonNull(espeak, "espeak");
    }

    /** Why phonemes cannot be made (espeak-ng missing); empty when they can. */
    public Optional<String> unavailableReason() {
        return espeak.unavailableReason();
    }

    /**
     * The phonemes of {@code text}, one string per sentence.
     *
     * @param espeakVoice the voice's {@code espeak.voice}, e.g. {@code en-us}
     * @throws TtsException when espeak-ng is unavailable or fails
     */
    public List<String> phonemize(String text, String espeakVoice) throws TtsException {
        List<ClauseSplitter.Clause> clauses = ClauseSplitter.split(text);
        if (clauses.isEmpty()) {
            return List.of();
        }
        StringBuilder input = new StringBuilder();
        for (ClauseSplitter.Clause clause : clauses) {
            input.append(clause.text()).append('\n');
        }
        List<String> lines = ipa(input.toString(), espeakVoice);
        if (lines.size() != clauses.size()) {
            LOG.debug("espeak-ng printed {} lines for {} clauses; phonemizing clause by clause", lines.size(),
                    clauses.size());
            lines = new ArrayList<>();
            for (ClauseSplitter.Clause clause : clauses) {
                lines.add(String.join(" ", ipa(clause.text() + "\n", espeakVoice)));
            }
        }
        return assemble(clauses, lines);
    }

    /**
     * Joins each clause's phonemes with its punctuation into sentences, as Piper does, except that a
     * clause ending without punctuation (e.g. at an ellipsis) is followed by a space where Piper
     * would run its last word into the next clause's first.
     */
    static List<String> assemble(List<ClauseSplitter.Clause> clauses, List<String> clausePhonemes) {
        List<String> sentences = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < clauses.size(); i++) {
            String phonemes = withoutLanguageSwitches(Normalizer.normalize(clausePhonemes.get(i), Normalizer.Form.NFD)).strip();
            if (!phonemes.isEmpty() && !sentence.isEmpty() && sentence.charAt(sentence.length() - 1) != ' ') {
                sentence.append(' ');
            }
            sentence.append(phonemes);
            ClauseSplitter.Terminator terminator = clauses.get(i).terminator();
            sentence.append(switch (terminator) {
                case PERIOD -> ".";
                case QUESTION -> "?";
                case EXCLAMATION -> "!";
                case COMMA -> ", ";
                case COLON -> ": ";
                case SEMICOLON -> "; ";
                case SENTENCE, CLAUSE -> "";
            });
            if (terminator.endsSentence()) {
                addSentence(sentence, sentences);
            }
        }
        addSentence(sentence, sentences);
        return sentences;
    }

    private static void addSentence(StringBuilder sentence, List<String> sentences) {
        if (!sentence.toString().isBlank()) {
            sentences.add(sentence.toString());
        }
        sentence.setLength(0);
    }

    /** Removes espeak-ng's {@code (lang)} markers around words it spoke in another language's voice. */
    static String withoutLanguageSwitches(String phonemes) {
        StringBuilder out = new StringBuilder(phonemes.length());
        boolean inMarker = false;
        for (int i = 0; i < phonemes.length(); i++) {
            char c = phonemes.charAt(i);
            if (inMarker) {
                inMarker = c != ')';
            } else if (c == '(') {
                inMarker = true;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private List<String> ipa(String input, String espeakVoice) throws TtsException {
        byte[] out = espeak.run(List.of("-q", "--ipa", "-b1", "-v", espeakVoice), input);
        String text = new String(out, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
