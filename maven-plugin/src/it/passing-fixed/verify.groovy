import groovy.json.JsonSlurper

def sarifFile = new File(basedir, 'target/netlint/netlint.sarif')
assert sarifFile.isFile() : "missing ${sarifFile}"

def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
assert sarif.runs[0].tool.driver.name == 'netlint'
def results = sarif.runs[0].results
assert results != null : 'the SARIF run has no results array'
assert results.isEmpty() : "expected no results, got ${results}"

assert new File(basedir, 'target/netlint/netlint.txt').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('netlint: 0 findings in 1 file')
return true
