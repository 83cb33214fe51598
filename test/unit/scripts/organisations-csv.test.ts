import { parseOrganisationsCsv } from '../../../scripts/lib/organisations-csv';

describe('parseOrganisationsCsv', () => {
  it('returns one row per record with the line it ends on, whatever the column order and case', () => {
    const text = [
      '\uFEFFKind,ODS_Code,Name,Parent_ODS_Code',
      'ICB,QRD,NHS Riverdale ICB,',
      '',
      'PCN,U10001,"Northgate PCN, North",QRD',
      'PRACTICE,R80012,"The ""Old"" Surgery",U10001',
    ].join('\r\n');

    const { rows, problems } = parseOrganisationsCsv(text);

    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, kind: 'ICB', odsCode: 'QRD', name: 'NHS Riverdale ICB', parentOdsCode: '' },
      { line: 4, kind: 'PCN', odsCode: 'U10001', name: 'Northgate PCN, North', parentOdsCode: 'QRD' },
      { line: 5, kind: 'PRACTICE', odsCode: 'R80012', name: 'The "Old" Surgery', parentOdsCode: 'U10001' },
    ]);
  });

  it('returns a problem naming the missing and unknown columns of a wrong header', () => {
    const { rows, problems } = parseOrganisationsCsv('ods,name,kind,parent_ods_code\nQRD,NHS Riverdale ICB,ICB,\n');

    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        line: 1,
        column: '',
        message: 'the header must name ods_code, name, kind, parent_ods_code (missing ods_code; unknown ods)',
      },
    ]);
  });

  it('returns a problem on the line of a record with too few fields or a broken quote, never its text', () => {
    const short = parseOrganisationsCsv(
      'ods_code,name,kind,parent_ods_code\nQRD,NHS Riverdale ICB,ICB,\nU10001,Secret Name\n',
    );
    const quote = parseOrganisationsCsv('ods_code,name,kind,parent_ods_code\nQRD,"Secret Name,ICB,\n');

    expect(short.problems).toEqual([{ line: 3, column: '', message: expect.stringContaining('is not valid CSV') }]);
    expect(quote.problems).toHaveLength(1);
    expect(JSON.stringify([short, quote])).not.toContain('Secret');
  });

  it('returns no rows and no problems for a file with only the header', () => {
    expect(parseOrganisationsCsv('ods_code,name,kind,parent_ods_code\n')).toEqual({ rows: [], problems: [] });
  });
});
