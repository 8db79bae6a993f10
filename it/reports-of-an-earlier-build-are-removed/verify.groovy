import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def reports = new File(basedir, 'target/osvi')
assert log.contains('BUILD SUCCESS')

def removed = lines.findAll { it.contains('of an earlier build from') }
assert removed.size() == 1 : "the first gate removes the old reports, the second finds none: ${removed}"
assert removed[0] ==~ /\[INFO\] Removed 3 reports of an earlier build from .*[\/\\]target[\/\\]osvi \(last modified before this build started\)\./ : removed[0]
assert !new File(reports, 'TEST-osvi-campaign-99.xml').exists() : 'the old failure would be published beside this build'
assert !new File(reports, 'campaign-99.json').exists()
assert !new File(reports, 'campaign-99.svg').exists() : 'the old chart would be archived beside this build\'s'
assert new File(reports, 'notes.txt').text == 'kept by the user\n' : 'a file the plugin did not write was touched'

// What Jenkins' junit step would publish: this build's two reports, the first gate's kept by the second.
def published = reports.list().findAll { it ==~ /TEST-osvi-campaign-.*\.xml/ }.sort()
assert published == ['TEST-osvi-campaign-7.xml', 'TEST-osvi-campaign-8.xml'] : "published ${published}"
assert new File(reports, 'campaign-7.json').isFile() && new File(reports, 'campaign-8.json').isFile()
assert new File(reports, 'campaign-7.svg').isFile() && new File(reports, 'campaign-8.svg').isFile()

// The reports get the permissions any other file of the build gets (rw-r--r-- under the usual umask 022), not the
// owner-only rw------- of a temporary file.
def buildLog = new File(basedir, 'build.log').toPath()
if (buildLog.fileSystem.supportedFileAttributeViews().contains('posix')) {
    def usual = PosixFilePermissions.toString(Files.getPosixFilePermissions(buildLog))
    ['campaign-7.json', 'TEST-osvi-campaign-7.xml', 'campaign-7.svg', 'campaign-8.json', 'TEST-osvi-campaign-8.xml'].each { name ->
        def permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(new File(reports, name).toPath()))
        println "${name}: ${permissions} (build.log: ${usual})"
        assert permissions == usual : "${name} is ${permissions}, other files of the build ${usual}"
    }
}
true
