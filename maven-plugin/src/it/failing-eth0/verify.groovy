// The build must fail because of the NAT instance's eth0, not for any other reason.
def log = new File(basedir, 'build.log').text

assert log.contains('NL101') : 'build.log does not name rule NL101'
assert log.contains('NatInstance') : 'build.log does not name the NatInstance resource'
assert log.contains('netlint found') : 'the build did not fail with netlint\'s findings summary'
assert log.contains('MojoFailureException') || log.contains('BUILD FAILURE')
assert !log.contains('internal error') && !log.contains('netlint failed unexpectedly') :
    'netlint failed with an internal error instead of a finding'
assert !log.contains('could not read some input') : 'netlint could not read the template'
assert new File(basedir, 'target/netlint/netlint.txt').isFile() :
    'the default text report target/netlint/netlint.txt is missing'
return true
