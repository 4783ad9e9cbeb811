// Checks the verdict files the runs left: the current function passes every requirement, the legacy one fails
// DBC-EVT-001 (rings whenever the rule requires), the cautious one passes DBC-EVT-001 and fails only the SHOULD rule
// DBC-EVT-002 (rings only when required), which left runs 3 green and 4 (strict) red.
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

def cautious = read('acme-cautious')
assert cautious.requirements.find { it.id == 'DBC-EVT-001' }.verdict == 'PASS' : "acme-cautious never misses a ring"
def evt002 = cautious.requirements.find { it.id == 'DBC-EVT-002' }
assert evt002.verdict == 'FAIL' && evt002.level == 'SHOULD' : "acme-cautious rings more than required: ${evt002}"
assert cautious.summary.FAIL == 1 : "only the SHOULD rule: ${cautious.summary}"
def log = new File(basedir, 'build.log').text
assert log.contains('SHOULD rules not met: DBC-EVT-002') : 'the summary notes the SHOULD rule not met'
true
