package io.lead360.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
            DataSize.ofBytes(100),
            Map.of("/api/people/import", DataSize.ofBytes(1000)),
            JsonMapper.builder().build());

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413ProblemJsonUnread() throws Exception {
        MockHttpServletRequest request = post("/api/cycles", 101);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("100 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aBodyAtTheLimitPasses() throws Exception {
        MockHttpServletRequest request = post("/api/cycles", 100);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aPathWithItsOwnLimitTakesLargerBodiesButNotUnlimited() throws Exception {
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(post("/api/people/import", 1000), new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isNotNull();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(post("/api/people/import", 1001), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(413);
    }

    @Test
    void aStreamedBodyWithoutContentLengthIsCountedAndRefusedPastTheLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(chunked("/api/cycles", 101), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aSmallStreamedBodyReachesTheApplicationIntact() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(chunked("/api/cycles", 60), new MockHttpServletResponse(), chain);

        try (InputStream in = chain.getRequest().getInputStream()) {
            assertThat(in.readAllBytes()).hasSize(60).containsOnly((byte) 'x');
        }
    }

    private static MockHttpServletRequest post(String path, int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent("x".repeat(size).getBytes());
        return request;
    }

    /** A body whose length is not declared: only reading it tells how long it is. */
    private static MockHttpServletRequest chunked(String path, int size) {
        byte[] bytes = "x".repeat(size).getBytes();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new org.springframework.mock.web.DelegatingServletInputStream(new ByteArrayInputStream(bytes));
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }
}
