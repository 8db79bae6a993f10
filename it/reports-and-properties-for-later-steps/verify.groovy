import com.fasterxml.jackson.databind.ObjectMapper
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.XMLConstants
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.SchemaFactory

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def json = new ObjectMapper().readTree(new File(basedir, 'target/osvi/campaign-7.json'))
assert json.get('verdict').asText() == 'PASS'
assert json.get('campaignId').asLong() == 7
assert json.get('rules').collect { it.get('rule').asText() } == ['failed <= 5%', 'picked >= 60%']
assert json.get('rules').collect { it.get('result').asText() } == ['HELD', 'HELD']
assert json.get('snapshot').get('calls').get('total').asLong() == json.get('rules').get(0).get('total').asLong()
assert json.get('wait').get('outcome').asText() == 'COMPLETED'
assert json.get('simulation').asText() == 'quick-pass' : 'the JSON report must say the run was simulated'

def junit = new File(basedir, 'target/osvi/TEST-osvi-campaign-7.xml')
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit).documentElement
assert suite.tagName == 'testsuite'
assert suite.getAttribute('tests') == '3' && suite.getAttribute('failures') == '0' && suite.getAttribute('errors') == '0'
def properties = suite.getElementsByTagName('property')
assert (0..<properties.length).collect { properties.item(it) }.find { it.getAttribute('name') == 'simulation' }
        ?.getAttribute('value') == 'quick-pass' : 'the JUnit report must say the run was simulated'
def cases = suite.getElementsByTagName('testcase')
assert (0..<cases.length).collect { cases.item(it).getAttribute('name') } == ['campaign 7 completed', 'failed <= 5%', 'picked >= 60%']
// The schema Jenkins' xUnit plugin validates with, when the build has it at hand (it is not in the repository).
def xsd = new File(System.getProperty('osvi.junitXsd', new File(basedir, '../../../../shared/schemas/junit-10.xsd').path))
if (xsd.isFile()) {
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator().validate(new StreamSource(junit))
    println "validated ${junit.name} against ${xsd.name}"
}

def summary = new File(basedir, 'github-step-summary.md').text
assert summary.contains('OSVI gate: PASS \u2014 campaign 7') : 'step summary heading missing'
assert summary.contains('| Rule | Actual | Limit | Result |') : 'step summary table missing'
assert summary.contains("**Simulation**: scenario 'quick-pass' of the embedded OSVI simulator; nothing real was contacted.") : 'step summary must say the run was simulated'

def later = new File(basedir, 'target/later-step/results.txt').readLines()
assert later[0] == 'verdict=PASS' : "a later step read ${later}"
assert later[1] ==~ /total=\d+/ && later[1] != 'total=0'
assert later[2] ==~ /failed=0(\.\d+)?/
assert later[3] == 'campaign7=PASS'
