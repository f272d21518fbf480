// The seed directory shared by tests and the demo: the old portal's subtrees, the kiosk's
// service account and a few existing entries. Passwords here are demo-only and public.
import { sshaHash } from './ssha';

export const FIXTURE = {
  baseDn: 'dc=mx,dc=nthu,dc=edu,dc=tw',
  serviceDn: 'cn=kiosk,ou=services,dc=mx,dc=nthu,dc=edu,dc=tw',
  servicePassword: 'demo-service-secret',
  /** Existing accounts, for "already has a mailbox" and "suspended" paths. */
  accounts: {
    active: { uid: 'hmwang', staffId: 'z10001', password: 'Existing-Passw0rd!', uidNumber: 1001 },
    suspended: { uid: 'cychen', staffId: 'z10002', password: 'Suspended-Passw0rd!', uidNumber: 1002 },
    /** Locked by the directory's password policy: USER(-5). */
    passwordSuspended: { uid: 'lhhuang', staffId: 'z10008', password: 'Locked-Passw0rd!', uidNumber: 1003 },
    /** Made by another tool with the number the counter will hand out next: the allocator must skip it. */
    legacy: { uid: 'tlchou', staffId: 'z10009', password: 'Legacy-Passw0rd!', uidNumber: 1010 },
  },
  aliases: ['webmaster', 'helpdesk', 'mzlin'],
  /** Helpdesk operators sign in with their own entries; only opchen is in the helpdesk group. */
  operators: {
    member: { uid: 'opchen', password: 'Operator-Passw0rd!' },
    outsider: { uid: 'oplin', password: 'Outsider-Passw0rd!' },
  },
  groupGid: 100,
  uidCounterDn: 'cn=uidNext,dc=mx,dc=nthu,dc=edu,dc=tw',
  /**
   * HR records (ou=staff): the applications without AIS start here, and the helpdesk's lookup
   * finds accounts by these English names. The AIS simulator's staff are here as AIS has them
   * (dev/ais-sim/demo-roster.json); z10030 and z10031 exist only here.
   */
  staff: [
    { id: 'z10030', name: '高淑慧', nameEn: 'KAO,SHU-HUI', condition: '一般' },
    { id: 'z10031', name: '鄭文雄', nameEn: 'CHENG,WEN-HSIUNG', condition: '離職' },
    // Has a mailbox (hmwang): the helpdesk finds it by this English name.
    { id: 'z10001', name: '王小明', nameEn: 'WANG,HSIAO-MING', condition: '一般' },
    { id: 'z10002', name: '陳志遠', nameEn: 'CHEN,CHIH-YUAN', condition: '一般' },
    { id: 'z10003', name: '林明志', nameEn: 'Ming-Zhi Lin', condition: '一般' },
    { id: 'z10004', name: '歐陽菲菲', nameEn: 'Ou Yang, Fei Fei', condition: '出國' },
    { id: 'z10005', name: '哥德爾', nameEn: 'GÖDEL,KURT', condition: '借調' },
    { id: 'z10006', name: '李大偉', nameEn: 'LEE,TA-WEI', condition: '退休' },
    { id: 'z10007', name: '張美玲', nameEn: 'CHANG,MEI-LING', condition: '離職' },
    { id: 'z10008', name: '黃麗華', nameEn: 'HUANG,LI-HUA', condition: '一般' },
    { id: 'z10010', name: '陳雅婷', nameEn: 'CHEN,YA-TING', condition: '一般' },
    { id: 'z10011', name: '張志明', nameEn: 'CHANG,CHIH-MING', condition: '一般' },
    { id: 'z10012', name: '史密斯', nameEn: 'Mary Smith', condition: '一般' },
    { id: 'z10013', name: '許家豪', nameEn: 'HSU,CHIA-HAO', condition: '借調' },
    { id: 'z10014', name: '林淑芬', nameEn: 'LIN,SHU-FEN', condition: '一般' },
  ],
  /** The counter's first value: the next uidNumber to hand out. */
  uidCounterStart: 1010,
} as const;

export function fixtureLdif(): string {
  const b = FIXTURE.baseDn;
  const { active, suspended, passwordSuspended, legacy } = FIXTURE.accounts;
  const person = (
    uid: string,
    staffId: string,
    cn: string,
    uidNumber: number,
    ou: string,
    password: string,
    extra = '',
  ) => `
dn: uid=${uid},ou=${ou},${b}
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: shadowAccount
uid: ${uid}
cn:: ${Buffer.from(cn, 'utf8').toString('base64')}
sn: ${staffId}
gecos: ${uid}
loginShell: /bin/false
uidNumber: ${uidNumber}
gidNumber: ${FIXTURE.groupGid}
homeDirectory: /mx/u/${uid.slice(0, 2)}/${uid}
userPassword: ${sshaHash(password)}
description: create(1500000000,127.0.0.1);
${extra}`;
  const ou = (name: string) => `
dn: ou=${name},${b}
objectClass: organizationalUnit
ou: ${name}
`;
  const alias = (name: string) => `
dn: cn=${name},ou=aliases,${b}
objectClass: nisMailAlias
cn: ${name}
rfc822MailMember: root@localhost
`;
  return [
    `dn: ${b}
objectClass: dcObject
objectClass: organization
dc: mx
o: mx-kiosk test directory
`,
    ...[
      'people',
      'suspended',
      'aliases',
      'group',
      'services',
      'policies',
      'operators',
      'staff',
      'claims',
      'kiosks',
    ].map(ou),
    ...FIXTURE.staff.map(
      (p) => `
dn: employeeNumber=${p.id},ou=staff,${b}
objectClass: inetOrgPerson
employeeNumber: ${p.id}
cn:: ${Buffer.from(p.name, 'utf8').toString('base64')}
sn:: ${Buffer.from(p.nameEn.split(',')[0]!, 'utf8').toString('base64')}
displayName:: ${Buffer.from(p.nameEn, 'utf8').toString('base64')}
employeeType:: ${Buffer.from(p.condition, 'utf8').toString('base64')}
`,
    ),
    ...Object.values(FIXTURE.operators).map(
      (op) => `
dn: uid=${op.uid},ou=operators,${b}
objectClass: inetOrgPerson
uid: ${op.uid}
cn: ${op.uid}
sn: operator
userPassword: ${sshaHash(op.password)}
`,
    ),
    `
dn: cn=helpdesk,ou=group,${b}
objectClass: groupOfNames
cn: helpdesk
member: uid=${FIXTURE.operators.member.uid},ou=operators,${b}
`,
    `
dn: cn=default,ou=policies,${b}
objectClass: organizationalRole
objectClass: pwdPolicy
cn: default
pwdAttribute: userPassword
pwdInHistory: 3
`,
    `
dn: ${FIXTURE.uidCounterDn}
objectClass: organizationalRole
objectClass: extensibleObject
cn: uidNext
uidNumber: ${FIXTURE.uidCounterStart}
`,
    `
dn: ${FIXTURE.serviceDn}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: kiosk
userPassword: ${sshaHash(FIXTURE.servicePassword)}
`,
    `
dn: cn=staff,ou=group,${b}
objectClass: posixGroup
cn: staff
gidNumber: ${FIXTURE.groupGid}
memberUid: ${FIXTURE.operators.member.uid}
`,
    person(active.uid, active.staffId, '王小明', active.uidNumber, 'people', active.password),
    person(suspended.uid, suspended.staffId, '陳志遠', suspended.uidNumber, 'suspended', suspended.password),
    person(
      passwordSuspended.uid,
      passwordSuspended.staffId,
      '黃麗華',
      passwordSuspended.uidNumber,
      'people',
      passwordSuspended.password,
      'pwdAccountLockedTime: 000001010000Z\n',
    ),
    person(legacy.uid, legacy.staffId, '周子龍', legacy.uidNumber, 'people', legacy.password),
    ...FIXTURE.aliases.map(alias),
  ]
    .map((block) => block.trim())
    .join('\n\n')
    .concat('\n');
}
