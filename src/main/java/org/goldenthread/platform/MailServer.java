package org.goldenthread.platform;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SMTP server set up with {@code spring.mail.*} (or {@code GT_SMTP_*}), if any, and where links
 * in emails start: {@code gt.public-url} when set, otherwise the address the administrator who
 * asked is using, never anything a recipient sent.
 */
@Component
public class MailServer {

    private final ObjectProvider<JavaMailSender> senders;
    private final String host;
    private final String from;
    private final String publicUrl;
    // one sending thread for every module's emails, so a slow mail server holds up no request
    private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-sending");
        t.setDaemon(true);
        return t;
    });

    MailServer(
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            String from,
            String publicUrl) {
        this.senders = senders;
        this.host = host;
        this.from = from;
        this.publicUrl = publicUrl;
    }

    @Autowired
    MailServer(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host, Settings settings) {
        this(senders, host, settings.mail().from(), settings.publicUrl());
    }

    @PreDestroy
    void stop() {
        sending.shutdown();
    }

    /**
     * Runs {@code send} on the sending thread, in the caller's scope, once the caller's transaction has
     * committed (at once if there is none), so nobody is emailed about something that was rolled back.
     */
    public void sendAfterCommit(Runnable send) {
        Scope scope = Scope.current();
        Runnable later = () -> sending.execute(() -> scope.run(send));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    later.run();
                }
            });
        } else {
            later.run();
        }
    }

    public boolean isSetUp() {
        return !host.isBlank() && senders.getIfAvailable() != null;
    }

    /** Where links start. Read while the administrator's request is at hand: emails may be written later. */
    public String linkBase() {
        String base = publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public JavaMailSender sender() {
        return senders.getObject();
    }

    /** A plain-text message to one address with one file attached, from the configured sender. */
    public MimeMessage withAttachment(
            String to, String subject, String body, String fileName, byte[] content, String contentType)
            throws MessagingException {
        MimeMessage message = sender().createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        if (!from.isBlank()) {
            helper.setFrom(from);
        }
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body, false);
        helper.addAttachment(fileName, new org.springframework.core.io.ByteArrayResource(content), contentType);
        return message;
    }

    /** A plain-text message to one address, from the configured sender. */
    public MimeMessage plainText(String to, String subject, String body) throws MessagingException {
        MimeMessage message = sender().createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        if (!from.isBlank()) {
            helper.setFrom(from);
        }
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body, false);
        return message;
    }
}
