"""The model survives pickling (read workers and the read cache) unchanged."""
import pickle

from conftest import SMALL, options

from lofte.build.pipeline import read_site


def test_a_whole_site_pickles_and_comes_back_equal(tmp_path):
    site = read_site(options(SMALL, tmp_path / "site"))
    again = pickle.loads(pickle.dumps(site, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == site and again is not site
    promise = again.municipalities[0].periods[0].promises[0]
    assert promise == site.municipalities[0].periods[0].promises[0] and promise.updates
