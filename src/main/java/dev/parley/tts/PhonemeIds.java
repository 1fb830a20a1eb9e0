package dev.parley.tts;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phonemes to model input ids, as Piper's {@code phonemes_to_ids}: {@code ^} (BOS) and {@code _}
 * (pad), then each phoneme's ids followed by a pad, then {@code $} (EOS). The voice's
 * {@code phoneme_map} is applied to each phoneme first. Phonemes missing from the id map are
 * skipped (logged at debug level), never fatal.
 *
 * <p>Immutable and thread-safe.
 */
final class PhonemeIds {

    static final int PAD = '_';
    static final int BOS = '^';
    static final int EOS = '$';

    private static final Logger LOG = LoggerFactory.getLogger(PhonemeIds.class);

    private final Map<Integer, long[]> idMap;
    private final Map<Integer, int[]> phonemeMap;

    /**
     * @param idMap code point → ids; must contain {@code _ ^ $}
     * @param phonemeMap code point → the code points that replace it; may be empty
     */
    PhonemeIds(Map<Integer, long[]> idMap, Map<Integer, int[]> phonemeMap) {
        for (int required : new int[] {PAD, BOS, EOS}) {
            if (!idMap.containsKey(required)) {
                throw new IllegalArgumentException("phoneme_id_map lacks '" + Character.toString(required) + "'");
            }
        }
        this.idMap = Map.copyOf(idMap);
        this.phonemeMap = Map.copyOf(Objects.requireNonNull(phonemeMap, "phonemeMap"));
    }

    /** The ids for one sentence of phonemes (one phoneme per code point). */
    long[] encode(String phonemes) {
        IdBuffer ids = new IdBuffer(phonemes.length() * 2 + 3);
        ids.add(idMap.get(BOS));
        ids.add(idMap.get(PAD));
        Map<Integer, Integer> missing = new TreeMap<>();
        phonemes.codePoints().forEach(phoneme -> {
            int[] mapped = phonemeMap.get(phoneme);
            for (int p : mapped == null ? new int[] {phoneme} : mapped) {
                long[] pIds = idMap.get(p);
                if (pIds == null) {
                    missing.merge(p, 1, Integer::sum);
                    continue;
                }
                ids.add(pIds);
                ids.add(idMap.get(PAD));
            }
        });
        ids.add(idMap.get(EOS));
        if (!missing.isEmpty() && LOG.isDebugEnabled()) {
            StringBuilder list = new StringBuilder();
            missing.forEach((p, count) -> list.append(String.format(" \"%s\" (U+%04X) x%d", Character.toString(p), p, count)));
            LOG.debug("Skipped phonemes missing from phoneme_id_map:{}", list);
        }
        return ids.toArray();
    }

    private static final class IdBuffer {
        private long[] ids;
        private int size;

        IdBuffer(int capacity) {
            ids = new long[capacity];
        }

        void add(long[] more) {
            if (size + more.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, ids, size, more.length);
            size += more.length;
        }

        long[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
