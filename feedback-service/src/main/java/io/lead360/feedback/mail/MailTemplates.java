package io.lead360.feedback.mail;

import io.lead360.feedback.config.FeedbackProperties;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from its templates ({@code mail/<name>.txt} and {@code mail/<name>.html}, Thymeleaf)
 * and texts ({@code mail/messages_<language>.properties}) in the recipient's language, falling back to
 * the default one. Values are escaped by the template engine: a name or a cycle title is text, never
 * markup.
 */
@Component
public class MailTemplates {

    /** Languages with their own texts; anything else gets the default. */
    public static final Set<String> LANGUAGES = Set.of("en", "de");

    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;
    private final MessageSource messages;
    private final String defaultLanguage;

    @Autowired
    MailTemplates(FeedbackProperties properties) {
        this(properties.mail().defaultLanguage());
    }

    MailTemplates(String defaultLanguage) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("mail/messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        // every text through MessageFormat, with or without arguments: '' is always one apostrophe
        source.setAlwaysUseMessageFormat(true);
        this.messages = source;
        this.html = engine(TemplateMode.HTML, ".html", source);
        this.text = engine(TemplateMode.TEXT, ".txt", source);
        this.defaultLanguage = defaultLanguage;
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    /** The recipient's language if lead360 has texts in it, else the default. */
    public Locale localeFor(String language) {
        return Locale.forLanguageTag(language != null && LANGUAGES.contains(language) ? language : defaultLanguage);
    }

    /**
     * @param name      the template, e.g. "invitation"; its subject is the text {@code <name>.subject}
     * @param subjectArgs arguments of the subject text
     */
    public RenderedMail render(
            String name, Locale locale, Map<String, Object> model, Object[] subjectArgs, Map<String, String> headers) {
        Context context = new Context(locale, model);
        String subject = messages.getMessage(name + ".subject", subjectArgs, locale);
        return new RenderedMail(subject, text.process(name, context), html.process(name, context), headers);
    }

    /** A text in the recipient's language (e.g. a relationship's label). */
    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
