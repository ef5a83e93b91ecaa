package org.goldenthread.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Our page for the requests Tomcat refuses before any of our code sees them (an address holding
 * an encoded NUL, backslash or dot segment): Tomcat answers those 400 from its host's error valve,
 * whose own page is unbranded and says nothing a person can act on. The valve can only send a file,
 * so the page is a plain copy of our layout, written out once at start.
 */
@Component
class MalformedRequestPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Path file;

    MalformedRequestPage() {
        try (InputStream page = new ClassPathResource("platform/bad-request.html").getInputStream()) {
            file = Files.createTempFile("golden-thread-bad-request", ".html");
            file.toFile().deleteOnExit();
            Files.copy(page, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            ErrorReportValve valve = null;
            for (Valve v : context.getParent().getPipeline().getValves()) {
                if (v instanceof ErrorReportValve e) {
                    valve = e;
                }
            }
            if (valve == null) {
                valve = new ErrorReportValve();
                valve.setShowServerInfo(false);
                valve.setShowReport(false);
                context.getParent().getPipeline().addValve(valve);
            }
            valve.setProperty("errorCode.400", file.toAbsolutePath().toString());
        });
    }

    /** After Spring Boot's own customizer, which puts in the valve that hides Tomcat's version. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
