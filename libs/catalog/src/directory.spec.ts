import { Directory } from './directory.js';

const directory = new Directory({
  halls: [
    { id: 'h-region', name: '区大厅', divisionCode: '150000', level: 2 },
    { id: 'h-city', name: '市大厅', divisionCode: '150100', level: 3 },
    { id: 'h-district', name: '区县大厅', divisionCode: '150102', level: 4 },
    { id: 'h-other-district', name: '另一区县', divisionCode: '150103', level: 4 },
    { id: 'h-other-league', name: '包头', divisionCode: '150200', level: 3 },
  ],
  departments: [
    { id: 'd-district', name: '区县局', level: 4, divisionCode: '150102', hall: 'h-district' },
    { id: 'd-region', name: '自治区厅', level: 2, divisionCode: '150000', hall: 'h-region' },
  ],
});

describe('通办范围 (Art. 10 cross-region scope): which halls may receive an item', () => {
  const reach = (department: string, crossRegionScope: 'none' | 'league' | 'region' | 'national') =>
    ['h-region', 'h-city', 'h-district', 'h-other-district', 'h-other-league'].filter((hall) =>
      directory.reaches({ department, crossRegionScope }, hall),
    );

  it('none: only halls of the deciding department’s own division', () => {
    expect(reach('d-district', 'none')).toEqual(['h-district']);
  });
  it('league: any hall of the department’s 盟市; a region-level department’s league is the region', () => {
    expect(reach('d-district', 'league')).toEqual(['h-city', 'h-district', 'h-other-district']);
    expect(reach('d-region', 'league')).toEqual([
      'h-region',
      'h-city',
      'h-district',
      'h-other-district',
      'h-other-league',
    ]);
  });
  it('region and national: every hall of the region', () => {
    expect(reach('d-district', 'region')).toHaveLength(5);
    expect(reach('d-district', 'national')).toHaveLength(5);
  });
  it('an unknown hall or department reaches nothing', () => {
    expect(directory.reaches({ department: 'd-district', crossRegionScope: 'national' }, 'nowhere')).toBe(
      false,
    );
    expect(directory.reaches({ department: 'nobody', crossRegionScope: 'national' }, 'h-city')).toBe(false);
  });
});
