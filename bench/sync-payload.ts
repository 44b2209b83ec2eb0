// W8's request body: one block of new customer ids (with 3 contacts each) per pair of requests —
// variant 0 creates them, variant 1 sends the same records with changed values, so the service
// does real updates. Ids and e-mails are unique per block (contacts have a unique e-mail index).

/** ids for a block and position: short enough for ID MaxLength 20 (customers) and contacts. */
export const syncCustomerId = (block: number, k: number): string => `S${block}-${k}`;
export const syncContactId = (block: number, k: number, j: number): string => `S${block}-${k}-${j}`;

/** The values that change between create and update, so a read-back can tell which one landed. */
export const syncName = (block: number, k: number, variant: number): string => `Sync Customer ${block}-${k}${variant ? ' updated' : ''}`;

function contactJson(block: number, k: number, j: number, variant: number): string {
  return JSON.stringify({
    ID: syncContactId(block, k, j),
    FirstName: 'Eva',
    LastName: variant ? `Muster-${j}` : `Muster${j}`,
    Email: `c${j}.s${block}-${k}@sync.example`,
    Phone: `+49 30 ${variant}${String(k).padStart(4, '0')}${j}`,
    Role: j === 1 ? 'Approver' : 'Buyer',
    HasShopAccess: j !== 3,
  });
}

function customerJson(block: number, k: number, variant: number, contacts: number): string {
  const id = syncCustomerId(block, k);
  const fields = JSON.stringify({
    ID: id,
    Name: syncName(block, k, variant),
    Address: { Street: `Hauptstraße ${k + 1}`, PostalCode: '10115', City: variant ? 'Cottbus' : 'Potsdam', CountryCode: 'DE' },
    Email: `info.s${block}-${k}@sync.example`,
    Phone: '+49 30 1234567',
    Currency: 'EUR',
    IsBlocked: false,
  }).slice(0, -1);
  // CreditLimit as an exact decimal literal (JSON.stringify would print 1500.5 as a float's text).
  const credit = variant ? '2500.50' : '1500.00';
  const list = Array.from({ length: contacts }, (_, j) => contactJson(block, k, j + 1, variant)).join(',');
  return `${fields},"CreditLimit":${credit},"Contacts":[${list}]}`;
}

export function syncBody(block: number, variant: number, customers: number, contactsPerCustomer: number): string {
  const items = Array.from({ length: customers }, (_, k) => customerJson(block, k, variant, contactsPerCustomer));
  return `{"customers":[${items.join(',')}]}`;
}
