package ai.osvi.maven;

import ai.osvi.gate.config.Spelling;
import ai.osvi.gate.config.Values;
import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;

/**
 * Checks the {@code -Dosvi.*} user properties against what Maven actually configured: a property that names no
 * parameter (a typo Maven ignores silently) and a property that the pom's configuration overrides (Maven lets the pom
 * win) would both make the gate judge something other than what the user asked for.
 */
final class CommandLineProperties {

    private static final String PREFIX = "osvi.";

    private CommandLineProperties() {
    }

    /**
     * @param mojo the configured mojo, whose fields hold the values Maven gave the parameters
     * @return one message per problem, empty when every {@code -Dosvi.*} property is used as given
     */
    static List<String> problems(Properties userProperties, MojoDescriptor descriptor, Object mojo) {
        Map<String, Parameter> byProperty = new LinkedHashMap<>();
        for (Parameter parameter : descriptor.getParameters()) {
            String expression = parameter.getExpression();
            if (expression != null && expression.startsWith("${" + PREFIX) && expression.endsWith("}")) {
                byProperty.put(expression.substring(2, expression.length() - 1), parameter);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String property : new TreeSet<>(userProperties.stringPropertyNames())) {
            if (!property.startsWith(PREFIX)) {
                continue;
            }
            Parameter parameter = byProperty.get(property);
            String given = userProperties.getProperty(property);
            if (parameter == null) {
                problems.add("-D" + property + " names no parameter of osvi:" + descriptor.getGoal()
                        + ", so Maven would ignore it" + Spelling.closest(property, byProperty.keySet())
                                .map(meant -> ": did you mean " + meant + "?").orElse(".")
                        + " The goal's properties are listed by 'mvn help:describe -Dplugin=ai.osvi:osvi-maven-plugin"
                        + " -Ddetail'.");
                continue;
            }
            Object effective = valueOf(mojo, parameter.getName());
            if (!sameValue(given, effective)) {
                String name = parameter.getName();
                problems.add("-D" + property + "=" + given + " is overridden by this execution's configuration in the"
                        + " pom (" + name + " = " + describe(effective) + "), so the gate would use "
                        + describe(effective) + ". Remove <" + name + "> from the pom's configuration, or write <" + name
                        + ">${" + property + "}</" + name + "> there so that the command line can set it.");
            }
        }
        return problems;
    }

    private static Object valueOf(Object mojo, String field) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field declared = type.getDeclaredField(field);
                declared.setAccessible(true);
                return declared.get(mojo);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read parameter " + field, e);
            }
        }
        throw new IllegalStateException("no field for parameter " + field);
    }

    /** Whether Maven used the command-line value: as text, as a boolean, as a comma-separated list, or as a path. */
    private static boolean sameValue(String given, Object effective) {
        if (effective instanceof Boolean bool) {
            return bool == Boolean.parseBoolean(given.trim());
        }
        if (effective instanceof List<?> list) {
            return Values.commaSeparated(List.of(given)).equals(Values.commaSeparated(
                    list.stream().map(String::valueOf).toList()));
        }
        if (effective instanceof File file) {
            File path = new File(given);
            return !path.isAbsolute() || file.getAbsoluteFile().equals(path.getAbsoluteFile());
        }
        return Objects.equals(given, effective == null ? null : String.valueOf(effective))
                || effective != null && given.trim().equals(String.valueOf(effective).trim());
    }

    private static String describe(Object value) {
        return value == null ? "unset" : value instanceof List<?> list ? String.join(",",
                list.stream().map(String::valueOf).toList()) : String.valueOf(value);
    }
}
