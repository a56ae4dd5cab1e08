package org.socialdeclik.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions {@code template.yaml} declares, with their handler and memory: read line by line
 * (two-space indentation, as the template is written), enough to know what to start.
 */
final class TemplateFunctions {
    private static final Pattern RESOURCE = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
    private static final Pattern TYPE = Pattern.compile("^    Type:\\s*AWS::Serverless::Function\\s*$");
    private static final Pattern HANDLER = Pattern.compile("^      Handler:\\s*([^\\s#]+)");
    private static final Pattern MEMORY = Pattern.compile("^\\s+MemorySize:\\s*([0-9]+)");

    record Function(String logicalId, String handler, int memoryMb) {}

    private TemplateFunctions() {}

    static List<Function> read(Path template) {
        List<String> lines;
        try {
            lines = Files.readAllLines(template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
        int globalMemory = 128;
        boolean inGlobals = false;
        for (String line : lines) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inGlobals = line.startsWith("Globals:");
            }
            Matcher memory = MEMORY.matcher(line);
            if (inGlobals && memory.find()) {
                globalMemory = Integer.parseInt(memory.group(1));
            }
        }
        List<Function> functions = new ArrayList<>();
        String current = null;
        boolean isFunction = false;
        String handler = null;
        int memoryMb = globalMemory;
        for (String line : lines) {
            Matcher resource = RESOURCE.matcher(line);
            if (resource.matches() || (!line.startsWith(" ") && !line.isBlank())) {
                if (isFunction && handler != null) {
                    functions.add(new Function(current, handler, memoryMb));
                }
                current = resource.matches() ? resource.group(1) : null;
                isFunction = false;
                handler = null;
                memoryMb = globalMemory;
                continue;
            }
            if (current == null) {
                continue;
            }
            if (TYPE.matcher(line).matches()) {
                isFunction = true;
            }
            Matcher h = HANDLER.matcher(line);
            if (h.find()) {
                handler = h.group(1);
            }
            Matcher memory = MEMORY.matcher(line);
            if (line.startsWith("      MemorySize") && memory.find()) {
                memoryMb = Integer.parseInt(memory.group(1));
            }
        }
        if (isFunction && handler != null) {
            functions.add(new Function(current, handler, memoryMb));
        }
        return functions;
    }
}
