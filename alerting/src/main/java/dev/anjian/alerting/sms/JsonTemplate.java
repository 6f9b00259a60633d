package dev.anjian.alerting.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.anjian.events.EventJson;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON body of the HTTP provider, written by the operator with placeholders inside JSON strings:
 * {@code {"mobile":"${phone}","content":"${text}","outId":"${ref}"}}. Values are JSON-escaped, so a text
 * with quotes or line breaks keeps the body valid. Placeholders: {@code phone}, {@code text}, {@code ref}
 * (stable per SMS across retries, for the service's de-duplication), {@code recipient} (contact id).
 */
public final class JsonTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)}");
    private static final java.util.Set<String> KNOWN = java.util.Set.of("phone", "text", "ref", "recipient");

    private final String template;

    private JsonTemplate(String template) {
        this.template = template;
    }

    /** Checks the placeholders and that the rendered template is JSON; throws IllegalArgumentException. */
    public static JsonTemplate of(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        boolean phone = false;
        boolean text = false;
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder ${" + m.group(1) + "} (known: ${phone}, ${text},"
                        + " ${ref}, ${recipient})");
            }
            phone |= m.group(1).equals("phone");
            text |= m.group(1).equals("text");
        }
        if (!phone || !text) {
            throw new IllegalArgumentException("needs both ${phone} and ${text}");
        }
        JsonTemplate parsed = new JsonTemplate(template);
        try {
            EventJson.mapper().readTree(parsed.render(Map.of("phone", "1", "text", "\"x\"\n", "ref", "r", "recipient", "c")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not JSON once filled in: " + e.getOriginalMessage());
        }
        return parsed;
    }

    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(new String(JsonStringEncoder.getInstance().quoteAsString(value))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
