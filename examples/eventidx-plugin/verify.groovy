// Checks the verdict files both runs left: the current function passes every MUST requirement, the legacy one
// fails DBC-EVT-001 (rings whenever the rule requires).
import groovy.json.JsonSlurper

def read = { name ->
    def file = new File(basedir, "target/conformance/eventidx-${name}.json")
    assert file.isFile() : "verdict file missing: ${file}"
    new JsonSlurper().parse(file)
}
def acme = read('acme')
assert acme.summary.FAIL == 0 : "acme should pass, verdicts: ${acme.summary}"
assert acme.requirements.find { it.id == 'DBC-EVT-001' }.verdict == 'PASS'

def legacy = read('acme-legacy')
def evt001 = legacy.requirements.find { it.id == 'DBC-EVT-001' }
assert evt001.verdict == 'FAIL' : "acme-legacy must fail DBC-EVT-001, got ${evt001}"
assert evt001.message.contains('DBC-EVT-001') : "failure message names the requirement: ${evt001.message}"
true
