// Checks the verdict files both runs left: the current driver passes every requirement that binds a driver, the
// legacy one fails DBC-ADM-003 (rings the admin queue in the declared style) and says where it saw the shadow store.
import groovy.json.JsonSlurper

def read = { name ->
    def file = new File(basedir, "target/conformance/driver-${name}.json")
    assert file.isFile() : "verdict file missing: ${file}"
    new JsonSlurper().parse(file)
}
def acme = read('acme-host')
assert acme.summary.FAIL == 0 : "acme-host should pass, verdicts: ${acme.summary}"
assert acme.summary.PASS >= 20 : "acme-host should be judged on the whole driver suite, verdicts: ${acme.summary}"
assert acme.requirements.find { it.id == 'DBC-EVT-003' }.verdict == 'PASS'

def legacy = read('acme-host-legacy')
def adm003 = legacy.requirements.find { it.id == 'DBC-ADM-003' }
assert adm003.verdict == 'FAIL' : "acme-host-legacy must fail DBC-ADM-003, got ${adm003}"
assert adm003.message.startsWith('DBC-ADM-003: SQ0 tail shadow') : "failure message names the requirement and the slot: ${adm003.message}"
true
