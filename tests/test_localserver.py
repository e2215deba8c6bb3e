"""The test server itself serves routes, sequences and records requests."""
import json
import urllib.error
import urllib.request

import pytest

from localserver import Route


def test_routes_sequences_and_records(local_server):
    srv = local_server({"/a?x=1": Route({"ok": 1}), "/seq": [Route("busy", status=429, headers={"Retry-After": "1"}), Route("ok")]})
    assert json.load(urllib.request.urlopen(srv.url + "/a?x=1")) == {"ok": 1}
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(srv.url + "/seq")
    assert err.value.code == 429 and err.value.headers["Retry-After"] == "1"
    assert urllib.request.urlopen(srv.url + "/seq").read() == b"ok"
    assert srv.hits("/seq") == 2 and srv.hits("/a") == 1
