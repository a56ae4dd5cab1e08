package org.socialdeclik.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a CloudFormation / SAM template written in YAML into plain maps and lists.
 *
 * <p>The short-form intrinsic tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub} ...) become their
 * long form, a one-entry map such as {@code {"Ref": "Table"}} or {@code {"Fn::GetAtt": ["Table",
 * "StreamArn"]}}, exactly as CloudFormation reads them. Scalars stay strings, except the YAML 1.2
 * booleans ({@code true}/{@code false}) and null: CloudFormation values are strings anyway, and
 * this keeps {@code '0755'}, {@code 2010-09-09} or {@code on} as written.
 */
final class CfnYaml {
    private static final Map<String, String> SHORT_TAGS = shortTags();

    private CfnYaml() {
    }

    static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> load(String yaml) {
        return load(new java.io.StringReader(yaml), "<string>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Reader reader, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        Yaml yaml = new Yaml(new IntrinsicConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new CfnResolver());
        Object document;
        try {
            document = yaml.load(reader);
        } catch (RuntimeException e) {
            throw new TemplateException("Template " + name + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("Template " + name + " is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static Map<String, String> shortTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Ref", "Ref");
        tags.put("Condition", "Condition");
        for (String fn : List.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs",
                "If", "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub",
                "ToJsonString", "Transform")) {
            tags.put(fn, "Fn::" + fn);
        }
        return Map.copyOf(tags);
    }

    /** YAML 1.2-like resolution: only true/false are booleans; numbers and dates stay strings. */
    private static final class CfnResolver extends Resolver {
        private static final Pattern BOOL_12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL_12, "tTfF", 10);
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            SHORT_TAGS.forEach((tag, function) -> yamlConstructors.put(new Tag("!" + tag), new Intrinsic(function)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = new ArrayList<>(constructSequence(sequence));
                } else if (node instanceof MappingNode mapping) {
                    value = constructMapping(mapping);
                } else {
                    throw new TemplateException("Unexpected YAML node for !" + function);
                }
                if (function.equals("Fn::GetAtt") && value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    if (dot < 1) {
                        throw new TemplateException("!GetAtt needs Resource.Attribute, got '" + dotted + "'");
                    }
                    value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(function, value);
                return intrinsic;
            }
        }
    }
}
