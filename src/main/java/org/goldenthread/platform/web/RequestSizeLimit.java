package org.goldenthread.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.goldenthread.platform.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over the limit before anything reads them: JSON calls get a small limit,
 * file imports (paths ending in /import) a larger one. Bodies without a declared length are
 * counted as they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long importLimit;

    RequestSizeLimit(Settings settings) {
        this.jsonLimit = settings.api().maxJsonBytes();
        this.importLimit = settings.api().maxImportBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/import") ? importLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
            }
        } catch (ServletException e) {
            if (e.getRootCause() instanceof BodyTooLarge && !response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
            } else {
                throw e;
            }
        }
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.write(
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes allowed here.",
                List.of());
    }

    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("Request body over the limit");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (count += n) > limit) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
