package dev.scaler.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** JLine's side of {@link Completions}: the words before the cursor in, JLine candidates out. */
final class ShellCompleter implements Completer {
    private final Completions completions;

    ShellCompleter(Completions completions) {
        this.completions = completions;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, line.wordIndex());
        String word = line.word().substring(0, line.wordCursor());
        for (var c : completions.after(before, word)) {
            candidates.add(new Candidate(c.value(), c.value(), c.group(), c.description().isEmpty() ? null
                    : c.description(), null, null, c.complete()));
        }
    }
}
