"""What an operator sees with python-openstackclient (Debian's package) against hyperstatus."""
import pytest

VERSIONS = [None, "2.1", "2.53", "2.88"]


def by(rows, key, value):
    matches = [row for row in rows if row[key] == value]
    assert len(matches) == 1, f"expected one row with {key}={value} in {rows}"
    return matches[0]


@pytest.mark.parametrize("version", VERSIONS)
def test_hypervisor_list_long_shows_state_of_each_host(openstack, version):
    rows = openstack("hypervisor", "list", "--long", version=version)
    assert {row["Hypervisor Hostname"] for row in rows} == {
        "compute-01.example.org", "compute-02.example.org", "compute-03.example.org"}
    assert by(rows, "Hypervisor Hostname", "compute-01.example.org")["State"] == "up"
    assert by(rows, "Hypervisor Hostname", "compute-02.example.org")["State"] == "down"
    first = by(rows, "Hypervisor Hostname", "compute-01.example.org")
    assert first["Host IP"] == "192.0.2.11"
    assert first["Hypervisor Type"] == "QEMU"
    if version in (None, "2.1", "2.53"):
        assert first["vCPUs Used"] == 4 and first["vCPUs"] == 32
        assert first["Memory MB Used"] == 8704 and first["Memory MB"] == 131072
    if version in ("2.53", "2.88"):
        assert first["ID"] == "31bfbb40-558b-58b7-9d75-86cda558a1ce"


@pytest.mark.parametrize("version", VERSIONS)
def test_hypervisor_show_parses_the_uptime_line(openstack, version):
    shown = openstack("hypervisor", "show", "compute-01.example.org", version=version)
    assert shown["state"] == "up"
    assert shown["status"] == "enabled"
    assert shown["hypervisor_hostname"] == "compute-01.example.org"
    assert shown["service_host"] == "compute-01"
    assert shown["host_time"] == "06:45:30"
    assert shown["uptime"] == "120 days, 17:53"
    assert str(shown["users"]) == "4"
    assert shown["load_average"] == "1.91, 2.56, 0.60"
    if version in (None, "2.1", "2.53"):
        assert shown["vcpus"] == 32 and shown["vcpus_used"] == 4
        cpu_info = shown["cpu_info"]
        assert "EPYC-Rome" in str(cpu_info)


@pytest.mark.parametrize("version", VERSIONS)
def test_compute_service_list_long_shows_zone_state_and_status(openstack, version):
    rows = openstack("compute", "service", "list", "--long", version=version)
    compute_02 = by(rows, "Host", "compute-02")
    assert compute_02["Binary"] == "nova-compute"
    assert compute_02["State"] == "down"
    assert compute_02["Status"] == "enabled"
    assert compute_02["Zone"] == "nova"
    assert by(rows, "Host", "controller")["Zone"] == "internal"
    if version in ("2.53", "2.88"):
        assert compute_02["Forced Down"] is False


@pytest.mark.parametrize("version", ["2.1", "2.53", "2.88"])
def test_disable_with_a_reason_then_enable(openstack, version):
    openstack("compute", "service", "set", "--disable", "--disable-reason", f"rack 12 power ({version})",
              "compute-03", "nova-compute", version=version, json_output=False)
    row = by(openstack("compute", "service", "list", "--long", "--host", "compute-03", version=version),
             "Binary", "nova-compute")
    assert row["Status"] == "disabled"
    assert row["Disabled Reason"] == f"rack 12 power ({version})"
    openstack("compute", "service", "set", "--enable", "compute-03", "nova-compute",
              version=version, json_output=False)
    row = by(openstack("compute", "service", "list", "--long", "--host", "compute-03", version=version),
             "Binary", "nova-compute")
    assert row["Status"] == "enabled"
    assert row["Disabled Reason"] is None


@pytest.mark.parametrize("version", ["2.11", "2.53", "2.88"])
def test_force_down_then_up(openstack, version):
    openstack("compute", "service", "set", "--down", "compute-03", "nova-compute",
              version=version, json_output=False)
    row = by(openstack("compute", "service", "list", "--long", "--host", "compute-03", version=version),
             "Binary", "nova-compute")
    assert row["State"] == "down" and row["Forced Down"] is True
    openstack("compute", "service", "set", "--up", "compute-03", "nova-compute",
              version=version, json_output=False)
    row = by(openstack("compute", "service", "list", "--long", "--host", "compute-03", version=version),
             "Binary", "nova-compute")
    assert row["State"] == "up" and row["Forced Down"] is False


def test_aggregate_with_a_zone_puts_its_host_in_that_zone(openstack):
    openstack("aggregate", "create", "--zone", "az-rack12", "rack12")
    openstack("aggregate", "add", "host", "rack12", "compute-01")
    shown = openstack("aggregate", "show", "rack12")
    assert shown["name"] == "rack12"
    assert shown["availability_zone"] == "az-rack12"
    assert "compute-01" in shown["hosts"]
    rows = openstack("compute", "service", "list", "--host", "compute-01")
    assert by(rows, "Binary", "nova-compute")["Zone"] == "az-rack12"


def test_availability_zone_list_long_shows_services_per_host(openstack):
    rows = openstack("availability", "zone", "list", "--long")
    zones = {row["Zone Name"] for row in rows}
    assert "nova" in zones and "internal" in zones
    scheduler = [row for row in rows if row.get("Host Name") == "controller"]
    assert scheduler and scheduler[0]["Zone Name"] == "internal"
    assert "nova-scheduler" in scheduler[0]["Service Name"]
