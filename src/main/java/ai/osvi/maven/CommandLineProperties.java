package ai.osvi.maven;

import ai.osvi.gate.config.Spelling;
import ai.osvi.gate.config.Values;
import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private CommandLineProperties() {}

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
                unknown(property, byProperty, descriptor).ifPresent(problems::add);
                continue;
            }
            Object effective = valueOf(mojo, parameter.getName());
            if (!sameValue(given, effective)) {
                String name = parameter.getName();
                problems.add("-D" + property + "=" + given + " is overridden by this execution's configuration in the"
                        + " pom (" + name + " = " + describe(effective) + "), so the gate would use "
                        + describe(effective) + ". Remove <" + name + "> from the pom's configuration, or write <"
                        + name
                        + ">${" + property + "}</" + name + "> there so that the command line can set it.");
            }
        }
        return problems;
    }

    /** The parameters whose value is a list, which a {@code -D} replaces as a whole rather than adds to. */
    private static final List<String> LISTS = List.of("thresholds", "failureStatuses", "campaignId");

    /**
     * One line for each {@code -Dosvi.*} list that replaces a different list of the pom's {@code <properties>}
     * (through which the pom set the parameter): whoever adds {@code -Dosvi.thresholds=picked>=60%} to a pom's two
     * rules gets one rule, and is told so, with the entries that no longer count.
     */
    static List<String> replacedLists(
            Properties userProperties, Properties projectProperties, MojoDescriptor descriptor) {
        List<String> lines = new ArrayList<>();
        for (Parameter parameter : descriptor.getParameters()) {
            String property = PREFIX + parameter.getName();
            if (!LISTS.contains(parameter.getName()) || !("${" + property + "}").equals(parameter.getExpression())) {
                continue;
            }
            String given = userProperties.getProperty(property);
            String pom = projectProperties == null ? null : projectProperties.getProperty(property);
            if (given == null || pom == null) {
                continue;
            }
            List<String> replaced = Values.commaSeparated(List.of(pom));
            List<String> used = Values.commaSeparated(List.of(given));
            if (!replaced.equals(used) && !replaced.isEmpty()) {
                lines.add("-D" + property + "=" + given + " replaces the pom's " + property + " ("
                        + String.join(", ", replaced) + "): " + parameter.getName() + " is now "
                        + String.join(", ", used) + " alone. To keep the pom's entries, list them in -D" + property
                        + " too.");
            }
        }
        return lines;
    }

    /**
     * The problem with a property that names no parameter: one that looks like a token is refused without its value;
     * one a typo away from a parameter is refused with the parameter's name; one far from every parameter is
     * someone else's ({@code -Dosvi.version=2.1.0} choosing a dependency's version in the pom) and left alone.
     */
    private static Optional<String> unknown(
            String property, Map<String, Parameter> byProperty, MojoDescriptor descriptor) {
        String name =
                property.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (TOKEN_WORDS.stream().anyMatch(name::contains)) {
            return Optional.of("-D" + property + " is never read: the gate takes the API token only from the"
                    + " <password> of the settings.xml <server> named by serverId (osvi by default; encrypt it with"
                    + " mvn --encrypt-password) or from the environment variable " + TokenResolver.ENV_VARIABLE
                    + ", never from a property, which Maven prints at -X and a CI log keeps. Remove -D" + property
                    + " from the command line and give the token one of those two ways.");
        }
        return Spelling.closeTo(property, byProperty.keySet())
                .map(
                        meant -> "-D" + property + " names no parameter"
                                + " of osvi:" + descriptor.getGoal() + ", so Maven would ignore it: did you mean "
                                + meant + "? The"
                                + " goal's properties are listed by 'mvn help:describe -Dplugin=ai.osvi:osvi-maven-plugin -Ddetail'.");
    }

    /** Words of a property name that would carry a secret. */
    private static final List<String> TOKEN_WORDS = List.of("token", "apikey", "password", "secret");

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
            return Values.commaSeparated(List.of(given))
                    .equals(Values.commaSeparated(
                            list.stream().map(String::valueOf).toList()));
        }
        if (effective instanceof File file) {
            File path = new File(given);
            return !path.isAbsolute() || file.getAbsoluteFile().equals(path.getAbsoluteFile());
        }
        return Objects.equals(given, effective == null ? null : String.valueOf(effective))
                || effective != null
                        && given.trim().equals(String.valueOf(effective).trim());
    }

    private static String describe(Object value) {
        return value == null
                ? "unset"
                : value instanceof List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value);
    }
}
