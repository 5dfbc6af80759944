"""Scripts an operator writes with openstacksdk and the novaclient library (Debian's packages)."""
import openstack
import pytest
from keystoneauth1 import session
from keystoneauth1.token_endpoint import Token
from novaclient import client as nova_client


@pytest.fixture
def keystone_session(cloud):
    return session.Session(auth=Token(cloud["endpoint"], cloud["token"]))


@pytest.mark.parametrize("version", ["2.1", "2.53", "2.88"])
def test_openstacksdk_lists_hypervisors_with_details_and_services(keystone_session, version):
    conn = openstack.connection.Connection(session=keystone_session, compute_api_version=version)
    hypervisors = {h.name: h for h in conn.compute.hypervisors(details=True)}
    assert hypervisors["compute-01.example.org"].state == "up"
    assert hypervisors["compute-02.example.org"].state == "down"
    assert hypervisors["compute-01.example.org"].status == "enabled"
    assert hypervisors["compute-01.example.org"].host_ip == "192.0.2.11"
    if version == "2.1":
        assert hypervisors["compute-01.example.org"].vcpus == 32
    else:
        assert hypervisors["compute-01.example.org"].id == "31bfbb40-558b-58b7-9d75-86cda558a1ce"
    services = {(s.host, s.binary): s for s in conn.compute.services()}
    assert services[("compute-02", "nova-compute")].state == "down"
    assert services[("controller", "nova-scheduler")].availability_zone == "internal"


@pytest.mark.parametrize("version", ["2.1", "2.53", "2.88"])
def test_novaclient_lists_hypervisors_with_details_and_services(keystone_session, version):
    nova = nova_client.Client(version, session=keystone_session)
    hypervisors = {h.hypervisor_hostname: h for h in nova.hypervisors.list(detailed=True)}
    assert hypervisors["compute-02.example.org"].state == "down"
    assert hypervisors["compute-01.example.org"].status == "enabled"
    assert hypervisors["compute-01.example.org"].service["host"] == "compute-01"
    services = {(s.host, s.binary): s for s in nova.services.list()}
    assert services[("compute-02", "nova-compute")].state == "down"
    assert services[("compute-01", "nova-compute")].zone in ("nova", "az-rack12")
