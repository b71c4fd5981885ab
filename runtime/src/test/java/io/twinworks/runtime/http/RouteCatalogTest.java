package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.runtime.http.RouteCatalog.Access;
import io.twinworks.runtime.http.RouteCatalog.Entry;
import io.twinworks.runtime.http.RouteCatalog.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteCatalogTest {

  private static Match match(String method, String path) {
    return RouteCatalog.match(method, RouteCatalog.segments(path));
  }

  @Test
  void templatesMatchOneSegmentPerVariable() {
    assertEquals(new Match.Found(new Entry("GET", "/api/v1/twins/{id}/history", Access.TENANT)),
        match("GET", "/api/v1/twins/acme:p1:r1:pk7/history"));
    assertEquals(new Match.Found(new Entry("POST", "/api/v1/alerts/{alertId}/ack", Access.TENANT)),
        match("POST", "/api/v1/alerts/acme:s1~3/ack"));
    assertEquals(new Match.Found(new Entry("GET", "/api/v1/alerts/stream", Access.TENANT)),
        match("GET", "/api/v1/alerts/stream"));
    assertEquals(new Match.Unknown(), match("GET", "/api/v1/twins/acme:s1/history/more"));
  }

  @Test
  void aTrailingSlashIsTheSamePath() {
    assertEquals(match("GET", "/api/v1/twins"), match("GET", "/api/v1/twins/"));
  }

  @Test
  void aServedPathWithAnotherMethodListsTheMethodsItHas() {
    assertEquals(new Match.OtherMethods(List.of("GET", "PUT")), match("DELETE", "/api/v1/twins/acme:s1/config"));
    assertEquals(new Match.OtherMethods(List.of("GET")), match("POST", "/metrics"));
  }

  @Test
  void assetsMatchAnyRestAndTheRootIsPublic() {
    assertEquals(Access.PUBLIC, ((Match.Found) match("GET", "/assets/js/app.js")).entry().access());
    assertEquals(Access.PUBLIC, ((Match.Found) match("GET", "/")).entry().access());
    assertEquals(new Match.Unknown(), match("GET", "/assets"));
  }

  @Test
  void onlyGetIsARead() {
    assertEquals(List.of("PUT /api/v1/twins/{id}/config", "POST /api/v1/alerts/{alertId}/ack"),
        RouteCatalog.ROUTES.stream().filter(Entry::isWrite).map(e -> e.method() + " " + e.path()).toList());
  }
}
