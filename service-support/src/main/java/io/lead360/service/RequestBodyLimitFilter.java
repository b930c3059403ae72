package io.lead360.service;

import io.lead360.service.problem.ProblemType;
import io.lead360.service.problem.Problems;
import io.lead360.service.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above a size with 413 problem+json before anything parses them (and before
 * authentication, so that an anonymous caller cannot make the service read megabytes either). A
 * declared Content-Length is checked up front; a body without one (chunked) is read up to the limit
 * and refused as soon as it goes past it.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Right after Boot's character-encoding filter, well before Spring Security's chain. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final long maxBytes;
    private final Map<String, Long> maxBytesByPath;
    private final JsonMapper jsonMapper;

    /**
     * @param maxBody       the limit for every request
     * @param largerByPath  exact request paths with their own (usually larger) limit, e.g. a people import
     */
    public RequestBodyLimitFilter(DataSize maxBody, Map<String, DataSize> largerByPath, JsonMapper jsonMapper) {
        this.maxBytes = maxBody.toBytes();
        this.maxBytesByPath = new LinkedHashMap<>();
        largerByPath.forEach((path, size) -> maxBytesByPath.put(path, size.toBytes()));
        this.jsonMapper = jsonMapper;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = maxBytesByPath.getOrDefault(request.getRequestURI(), maxBytes);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(chunk)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        ServletProblems.write(
                request,
                response,
                jsonMapper,
                Problems.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than the limit of " + limit + " bytes"));
    }

    /** A request whose (small enough) body has already been read. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
