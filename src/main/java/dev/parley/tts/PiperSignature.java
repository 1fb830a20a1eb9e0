package dev.parley.tts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The inputs and output a Piper voice's model must have: {@code input}, {@code input_lengths},
 * {@code scales}, plus {@code sid} when the config lists more than one speaker, and the output
 * {@code output}. A single-speaker voice may have {@code sid} too (it is fed speaker 0); other inputs
 * are not checked here, ONNX Runtime refuses to run without them.
 */
final class PiperSignature {

    static final String INPUT = "input";
    static final String INPUT_LENGTHS = "input_lengths";
    static final String SCALES = "scales";
    static final String SPEAKER = "sid";
    static final String OUTPUT = "output";

    private PiperSignature() {
    }

    /** Why a model with these input and output names cannot serve a voice of {@code numSpeakers}. */
    static Optional<String> problem(Collection<String> inputs, Collection<String> outputs, int numSpeakers) {
        for (String required : List.of(INPUT, INPUT_LENGTHS, SCALES)) {
            if (!inputs.contains(required)) {
                return Optional.of("the model has no input '" + required + "' (inputs " + inputs + "); not a Piper voice");
            }
        }
        if (numSpeakers > 1 && !inputs.contains(SPEAKER)) {
            return Optional.of("the config lists " + numSpeakers + " speakers but the model has no '" + SPEAKER + "' input");
        }
        if (!outputs.contains(OUTPUT)) {
            return Optional.of("the model has no output '" + OUTPUT + "' (outputs " + outputs + ")");
        }
        return Optional.empty();
    }
}
