package org.socialdeclik.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against what the local run knows: parameter values
 * (defaults, or overrides), pseudo parameters, conditions, mappings, and the resources it has
 * provisioned in the emulator (their {@code Ref} value and attributes). Anything else fails with
 * a message naming what could not be resolved.
 */
final class Intrinsics {
    /** {@code !Ref AWS::NoValue}: the property or list element is dropped. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private final SamTemplate template;
    private final Map<String, Object> parameters = new HashMap<>();
    private final Map<String, String> missingParameters = new HashMap<>();
    private final Map<String, Object> pseudo;
    private final Map<String, Object> refs = new HashMap<>();
    private final Map<String, Map<String, Object>> attributes = new HashMap<>();
    private final Map<String, String> unsupported = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();

    Intrinsics(SamTemplate template, Map<String, String> parameterOverrides, Map<String, Object> pseudoParameters) {
        this(template, parameterOverrides, Map.of(), pseudoParameters);
    }

    /**
     * @param parameterOverrides values that win over the template's defaults
     * @param parameterFallbacks values for parameters the template gives no Default
     */
    Intrinsics(SamTemplate template, Map<String, String> parameterOverrides, Map<String, String> parameterFallbacks,
            Map<String, Object> pseudoParameters) {
        this.template = template;
        this.pseudo = Map.copyOf(pseudoParameters);
        template.parameters().forEach((name, declaration) -> {
            Map<String, Object> decl = SamTemplate.map(declaration, "Parameters." + name);
            Object value = parameterOverrides.containsKey(name) ? parameterOverrides.get(name)
                    : decl.get("Default") != null ? decl.get("Default") : parameterFallbacks.get(name);
            if (value == null) {
                missingParameters.put(name, "parameter " + name + " has no Default and the local run has no value"
                        + " for it (give one with --parameter " + name + "=...)");
                return;
            }
            String text = value.toString();
            String type = String.valueOf(decl.getOrDefault("Type", "String"));
            if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                List<String> items = new ArrayList<>();
                for (String item : text.split(",", -1)) {
                    items.add(item.trim());
                }
                parameters.put(name, List.copyOf(items));
            } else {
                parameters.put(name, text);
            }
        });
        for (SamTemplate.Resource resource : template.resources().values()) {
            unsupported.put(resource.logicalId(), resource.type());
        }
    }

    /** The local stand-in of a resource: what {@code !Ref} gives and what {@code !GetAtt} reads. */
    void bind(String logicalId, Object ref, Map<String, ?> attrs) {
        refs.put(logicalId, ref);
        attributes.put(logicalId, Map.copyOf(attrs));
    }

    Object parameter(String name) {
        return parameters.get(name);
    }

    boolean condition(String name) {
        Boolean cached = conditions.get(name);
        if (cached != null) {
            return cached;
        }
        Object declaration = template.conditions().get(name);
        if (declaration == null) {
            throw new TemplateException("condition " + name + " is not declared");
        }
        conditions.put(name, Boolean.FALSE); // guards against a condition referring to itself
        boolean value = truth(declaration);
        conditions.put(name, value);
        return value;
    }

    /** The value as a string, or a TemplateException saying why it has none. */
    String resolveString(Object raw) {
        Object value = resolve(raw);
        if (value == NO_VALUE || value == null) {
            return null;
        }
        return scalar(value, raw);
    }

    Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, only.getValue());
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object v = resolve(entry.getValue());
                if (v != NO_VALUE) {
                    resolved.put(String.valueOf(entry.getKey()), v);
                }
            }
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object v = resolve(item);
                if (v != NO_VALUE) {
                    resolved.add(v);
                }
            }
            return resolved;
        }
        return value;
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(stringArgument(name, argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            case "Fn::Split" -> split(argument);
            case "Fn::If" -> ifFunction(argument);
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> truth(Map.of(name, argument));
            case "Fn::FindInMap" -> findInMap(argument);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    scalar(resolve(argument), argument).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(pseudo.get("AWS::Region") + "a", pseudo.get("AWS::Region") + "b",
                    pseudo.get("AWS::Region") + "c");
            case "Fn::Length" -> String.valueOf(list(resolve(argument), name).size());
            case "Fn::ToJsonString" -> toJson(resolve(argument));
            default -> throw new TemplateException(name + " cannot be evaluated locally");
        };
    }

    private Object ref(String name) {
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (missingParameters.containsKey(name)) {
            throw new TemplateException("!Ref " + name + ": " + missingParameters.get(name));
        }
        if (refs.containsKey(name)) {
            return refs.get(name);
        }
        if (unsupported.containsKey(name)) {
            throw new TemplateException("!Ref " + name + ": the local run does not emulate resource " + name
                    + " (" + unsupported.get(name) + ")");
        }
        throw new TemplateException("!Ref " + name + ": no such parameter or resource");
    }

    private Object getAtt(Object argument) {
        List<?> parts = list(argument, "Fn::GetAtt");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::GetAtt needs [Resource, Attribute]");
        }
        String resource = scalar(resolve(parts.get(0)), argument);
        String attribute = scalar(resolve(parts.get(1)), argument);
        Map<String, Object> attrs = attributes.get(resource);
        if (attrs != null && attrs.containsKey(attribute)) {
            return attrs.get(attribute);
        }
        if (attrs == null && unsupported.containsKey(resource)) {
            throw new TemplateException("!GetAtt " + resource + "." + attribute
                    + ": the local run does not emulate resource " + resource + " (" + unsupported.get(resource) + ")");
        }
        throw new TemplateException("!GetAtt " + resource + "." + attribute + ": no such attribute locally");
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private Object sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            if (list.size() != 2) {
                throw new TemplateException("Fn::Sub needs a string or [string, {variables}]");
            }
            text = scalar(list.get(0), argument);
            variables = SamTemplate.map(list.get(1), "Fn::Sub variables");
        } else {
            text = scalar(argument, argument);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                out.append(text, at, text.length());
                break;
            }
            out.append(text, at, open);
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new TemplateException("Fn::Sub: unclosed ${ in '" + text + "'");
            }
            String name = text.substring(open + 2, close).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(scalar(resolve(variables.get(name)), name));
            } else if (!name.startsWith("AWS::") && name.contains(".")) {
                int dot = name.indexOf('.');
                out.append(scalar(getAtt(List.of(name.substring(0, dot), name.substring(dot + 1))), name));
            } else {
                out.append(scalar(ref(name), name));
            }
            at = close + 1;
        }
        return out.toString();
    }

    private Object join(Object argument) {
        List<?> parts = list(argument, "Fn::Join");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::Join needs [delimiter, [values]]");
        }
        String delimiter = scalar(resolve(parts.get(0)), argument);
        List<String> values = new ArrayList<>();
        for (Object item : list(resolve(parts.get(1)), "Fn::Join")) {
            values.add(scalar(item, argument));
        }
        return String.join(delimiter, values);
    }

    private Object select(Object argument) {
        List<?> parts = list(argument, "Fn::Select");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::Select needs [index, [values]]");
        }
        int index;
        try {
            index = Integer.parseInt(scalar(resolve(parts.get(0)), argument).trim());
        } catch (NumberFormatException e) {
            throw new TemplateException("Fn::Select: the index must be a number");
        }
        List<?> values = list(resolve(parts.get(1)), "Fn::Select");
        if (index < 0 || index >= values.size()) {
            throw new TemplateException("Fn::Select: index " + index + " out of " + values.size() + " values");
        }
        return values.get(index);
    }

    private Object split(Object argument) {
        List<?> parts = list(argument, "Fn::Split");
        if (parts.size() != 2) {
            throw new TemplateException("Fn::Split needs [delimiter, string]");
        }
        String delimiter = scalar(resolve(parts.get(0)), argument);
        String source = scalar(resolve(parts.get(1)), argument);
        List<String> values = new ArrayList<>();
        int at = 0;
        while (true) {
            int next = delimiter.isEmpty() ? -1 : source.indexOf(delimiter, at);
            if (next < 0) {
                values.add(source.substring(at));
                break;
            }
            values.add(source.substring(at, next));
            at = next + delimiter.length();
        }
        return values;
    }

    private Object ifFunction(Object argument) {
        List<?> parts = list(argument, "Fn::If");
        if (parts.size() != 3) {
            throw new TemplateException("Fn::If needs [condition, valueIfTrue, valueIfFalse]");
        }
        String condition = scalar(parts.get(0), argument);
        return resolve(condition(condition) ? parts.get(1) : parts.get(2));
    }

    private Object findInMap(Object argument) {
        List<?> parts = list(argument, "Fn::FindInMap");
        if (parts.size() < 3) {
            throw new TemplateException("Fn::FindInMap needs [map, key, key]");
        }
        String mapName = scalar(resolve(parts.get(0)), argument);
        String top = scalar(resolve(parts.get(1)), argument);
        String second = scalar(resolve(parts.get(2)), argument);
        Object value = SamTemplate.map(SamTemplate.map(template.mappings().get(mapName), mapName).get(top),
                mapName + "." + top).get(second);
        if (value == null) {
            throw new TemplateException("Fn::FindInMap: no " + mapName + "." + top + "." + second);
        }
        return resolve(value);
    }

    private boolean truth(Object expression) {
        if (expression instanceof Boolean b) {
            return b;
        }
        if (expression instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        Map<String, Object> map = SamTemplate.map(expression, "condition");
        if (map.size() != 1) {
            throw new TemplateException("a condition must be one function, got " + map.keySet());
        }
        Map.Entry<String, Object> only = map.entrySet().iterator().next();
        Object argument = only.getValue();
        return switch (only.getKey()) {
            case "Condition" -> condition(scalar(argument, argument));
            case "Fn::Equals" -> {
                List<?> pair = list(argument, "Fn::Equals");
                if (pair.size() != 2) {
                    throw new TemplateException("Fn::Equals needs two values");
                }
                yield Objects.equals(comparable(resolve(pair.get(0))), comparable(resolve(pair.get(1))));
            }
            case "Fn::Not" -> !truth(single(list(argument, "Fn::Not")));
            case "Fn::And" -> list(argument, "Fn::And").stream().allMatch(this::truth);
            case "Fn::Or" -> list(argument, "Fn::Or").stream().anyMatch(this::truth);
            default -> truth(resolve(expression));
        };
    }

    private static Object comparable(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?> ? value : String.valueOf(value);
    }

    private static Object single(List<?> list) {
        if (list.size() != 1) {
            throw new TemplateException("Fn::Not needs exactly one condition");
        }
        return list.get(0);
    }

    private static String stringArgument(String function, Object argument) {
        if (argument instanceof String s) {
            return s;
        }
        throw new TemplateException(function + " needs a name");
    }

    private static List<?> list(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(function + " needs a list, got " + describe(value));
    }

    private static String scalar(Object value, Object context) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new TemplateException("expected a string but " + describe(context) + " gives " + describe(value));
    }

    private static String toJson(Object value) {
        try {
            return LocalMapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("Fn::ToJsonString: " + e.getOriginalMessage());
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?> map) {
            return map.size() == 1 ? String.valueOf(map.keySet().iterator().next()) : "a mapping";
        }
        return "'" + value + "'";
    }
}
