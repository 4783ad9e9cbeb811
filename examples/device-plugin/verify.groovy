// Checks the verdict files both runs left: the current adapter passes every requirement that binds a device, the
// legacy one fails DBC-CMD-001 (OACS bit 8 matches the declared support) and names the declaration in the message.
import groovy.json.JsonSlurper

def read = { name ->
    def file = new File(basedir, "target/conformance/device-${name}.json")
    assert file.isFile() : "verdict file missing: ${file}"
    new JsonSlurper().parse(file)
}
def acme = read('acme-nvme')
assert acme.summary.FAIL == 0 : "acme-nvme should pass, verdicts: ${acme.summary}"
assert acme.summary.PASS >= 25 : "acme-nvme should be judged on the whole device suite, verdicts: ${acme.summary}"
assert acme.requirements.find { it.id == 'DBC-EVT-007' }.verdict == 'PASS'

def legacy = read('acme-nvme-legacy')
def cmd001 = legacy.requirements.find { it.id == 'DBC-CMD-001' }
assert cmd001.verdict == 'FAIL' : "acme-nvme-legacy must fail DBC-CMD-001, got ${cmd001}"
assert cmd001.message.startsWith('DBC-CMD-001') : "failure message names the requirement: ${cmd001.message}"
true
