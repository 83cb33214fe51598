import {
  type Activity,
  type ActivityCategory,
  type ActivityFilter,
  archiveActivity,
  createActivity,
  getActivitiesByIds,
  getActivity,
  listActivities,
  unarchiveActivity,
  updateActivity,
} from '../../../functions/activities';
import { ConflictError, ForbiddenError, ValidationError } from '../../../functions/shared/errors';
import { freshTable, type TestTable } from '../../support/table';
import { type ActivitiesWorld, activitiesWorld, activityInput } from './fixtures';

describe('activities directory (DynamoDB Local)', () => {
  let table: TestTable;
  let world: ActivitiesWorld;

  beforeAll(async () => {
    table = await freshTable();
    world = await activitiesWorld(table);
  });
  afterAll(() => table.drop());

  describe('createActivity', () => {
    it('returns the new activity with a normalised postcode, scoped to the PCN and its ICB', async () => {
      const { deps, principals } = world;

      const activity = await createActivity(
        deps,
        principals.coordinator,
        activityInput(world, { postcode: ' ls82hh ' }),
      );

      expect(activity).toMatchObject({
        postcode: 'LS8 2HH',
        status: 'ACTIVE',
        version: 1,
        pcnId: world.pcn.organisationId,
        icbId: world.icb.organisationId,
        providerOrganisationId: world.provider.organisationId,
        updatedBy: principals.coordinator.userId,
      });
      expect(await getActivity(deps, principals.linkWorker, activity.activityId)).toEqual(activity);
    });

    it('throws naming activity.postcode when the postcode is malformed, writing nothing', async () => {
      const { deps, principals } = world;
      const name = `Bad postcode ${world.newId()}`;

      const attempt = createActivity(deps, principals.coordinator, activityInput(world, { name, postcode: 'LS8' }));

      await expect(attempt).rejects.toThrow(ValidationError);
      await expect(attempt).rejects.toMatchObject({ field: 'activity.postcode' });
      const listed = await listActivities(deps, principals.coordinator, { filter: { text: name } });
      expect(listed.items).toEqual([]);
    });

    it('throws naming activity.contact when there is no way to get in touch', async () => {
      const attempt = createActivity(
        world.deps,
        world.principals.coordinator,
        activityInput(world, { contact: { name: 'Jo' } }),
      );

      await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'activity.contact' });
    });

    it('throws naming activity.cost.details when a charge says nothing of the price', async () => {
      const attempt = createActivity(
        world.deps,
        world.principals.coordinator,
        activityInput(world, { cost: { kind: 'CHARGE' } }),
      );

      await expect(attempt).rejects.toMatchObject({ field: 'activity.cost.details' });
    });

    it('lets a provider add an activity they run, defaulting the provider to their organisation', async () => {
      const { providerOrganisationId: _ignored, ...input } = activityInput(world);

      const activity = await createActivity(world.deps, world.principals.provider, input);

      expect(activity.providerOrganisationId).toBe(world.provider.organisationId);
    });

    it('throws ForbiddenError when a provider adds an activity for another provider, or a link worker adds one', async () => {
      const { deps, principals } = world;

      await expect(createActivity(deps, principals.otherProvider, activityInput(world))).rejects.toThrow(
        ForbiddenError,
      );
      await expect(createActivity(deps, principals.linkWorker, activityInput(world))).rejects.toThrow(ForbiddenError);
      await expect(createActivity(deps, principals.otherCoordinator, activityInput(world))).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('throws naming activity.providerOrganisationId when it is not a provider organisation', async () => {
      const attempt = createActivity(
        world.deps,
        world.principals.admin,
        activityInput(world, { providerOrganisationId: world.practice.organisationId }),
      );

      await expect(attempt).rejects.toMatchObject({ field: 'activity.providerOrganisationId' });
    });
  });

  describe('updateActivity', () => {
    it('changes only the given fields, clears an optional one with null and bumps the version', async () => {
      const { deps, principals } = world;
      const created = await createActivity(
        deps,
        principals.coordinator,
        activityInput(world, { eligibility: 'Adults 18+', capacity: 12 }),
      );
      world.clock.advance(60_000);

      const updated = await updateActivity(deps, principals.provider, {
        activityId: created.activityId,
        expectedVersion: 1,
        changes: { name: 'Health Walk (long route)', eligibility: null, postcode: 'ls8 2hj' },
      });

      expect(updated).toMatchObject({
        name: 'Health Walk (long route)',
        postcode: 'LS8 2HJ',
        capacity: 12,
        description: created.description,
        version: 2,
        updatedBy: principals.provider.userId,
      });
      expect(updated.eligibility).toBeUndefined();
      expect(updated.updatedAt).not.toBe(created.updatedAt);
      expect(await getActivity(deps, principals.admin, created.activityId)).toEqual(updated);
    });

    it('throws ConflictError when the editor saw an older version', async () => {
      const { deps, principals } = world;
      const created = await createActivity(deps, principals.coordinator, activityInput(world));
      await updateActivity(deps, principals.coordinator, {
        activityId: created.activityId,
        expectedVersion: 1,
        changes: { scheduleText: 'Wednesdays 10:00' },
      });

      const attempt = updateActivity(deps, principals.provider, {
        activityId: created.activityId,
        expectedVersion: 1,
        changes: { scheduleText: 'Thursdays 10:00' },
      });

      await expect(attempt).rejects.toThrow(ConflictError);
      expect((await getActivity(deps, principals.admin, created.activityId)).scheduleText).toBe('Wednesdays 10:00');
    });

    it('throws ConflictError when another edit lands between reading and writing', async () => {
      const { deps, principals } = world;
      const created = await createActivity(deps, principals.coordinator, activityInput(world));
      await updateActivity(deps, principals.coordinator, {
        activityId: created.activityId,
        changes: { name: 'Saved first' },
      });
      // This editor read the activity before the first save landed.
      const staleActivities: typeof deps.activities = Object.create(deps.activities);
      staleActivities.get = async () => created;
      const staleDeps = { ...deps, activities: staleActivities };

      const attempt = updateActivity(staleDeps, principals.provider, {
        activityId: created.activityId,
        changes: { name: 'Saved second' },
      });

      await expect(attempt).rejects.toThrow(ConflictError);
      expect((await getActivity(deps, principals.admin, created.activityId)).name).toBe('Saved first');
    });

    it('throws ForbiddenError when a provider edits an activity another provider runs', async () => {
      const { deps, principals } = world;
      const created = await createActivity(deps, principals.coordinator, activityInput(world));

      const attempt = updateActivity(deps, principals.otherProvider, {
        activityId: created.activityId,
        changes: { name: 'Hijacked' },
      });

      await expect(attempt).rejects.toThrow(ForbiddenError);
      await expect(
        updateActivity(deps, principals.otherCoordinator, { activityId: created.activityId, changes: { name: 'X' } }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        updateActivity(deps, principals.farCoordinator, { activityId: created.activityId, changes: { name: 'X' } }),
      ).rejects.toThrow(ForbiddenError);
      expect((await getActivity(deps, principals.admin, created.activityId)).name).toBe(created.name);
    });

    it('throws naming the field when a required field is set to null', async () => {
      const created = await createActivity(world.deps, world.principals.coordinator, activityInput(world));

      const attempt = updateActivity(world.deps, world.principals.coordinator, {
        activityId: created.activityId,
        changes: { name: null as unknown as string },
      });

      await expect(attempt).rejects.toMatchObject({ field: 'activity.name' });
    });

    it('archives an activity out of the directory and brings it back', async () => {
      const { deps, principals } = world;
      const name = `Archivable ${world.newId()}`;
      const created = await createActivity(deps, principals.coordinator, activityInput(world, { name }));

      const archived = await archiveActivity(deps, principals.provider, { activityId: created.activityId });

      expect(archived).toMatchObject({ status: 'ARCHIVED', version: 2 });
      const filter = { text: name };
      expect((await listActivities(deps, principals.linkWorker, { filter })).items).toEqual([]);
      const withArchived = await listActivities(deps, principals.linkWorker, {
        filter: { ...filter, includeArchived: true },
      });
      expect(withArchived.items.map((activity) => activity.activityId)).toEqual([created.activityId]);

      const restored = await unarchiveActivity(deps, principals.admin, {
        activityId: created.activityId,
        expectedVersion: 2,
      });

      expect(restored).toMatchObject({ status: 'ACTIVE', version: 3 });
      expect((await listActivities(deps, principals.linkWorker, { filter })).items).toHaveLength(1);
    });
  });

  describe('listActivities', () => {
    let directoryPcnId: string;
    let expected: Activity[];

    beforeAll(async () => {
      // A PCN of its own, so other tests' activities do not mix in.
      const { deps, principals } = world;
      const pcn = world.otherPcn.organisationId;
      directoryPcnId = pcn;
      const categories: ActivityCategory[] = ['PHYSICAL_ACTIVITY', 'ARTS_AND_CREATIVITY', 'SOCIAL_GROUPS'];
      expected = [];
      for (let i = 0; i < 24; i++) {
        const walking = i % 3 === 0;
        const activity = await createActivity(
          deps,
          principals.otherCoordinator,
          activityInput(world, {
            pcnId: pcn,
            category: categories[i % categories.length],
            name: `${walking ? 'Walking' : 'Group'} ${String(i).padStart(2, '0')}`,
            description: walking ? 'Stroll together' : 'Meet people',
            venueName: i === 7 ? 'The WALKERS Rest' : 'Community Hall',
          }),
        );
        expected.push(activity);
      }
      await archiveActivity(deps, principals.otherCoordinator, { activityId: expected[1].activityId });
      expected.splice(1, 1);
    });

    async function allPages(filter: ActivityFilter, first: number) {
      const seen: Activity[] = [];
      const pageSizes: number[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = await listActivities(world.deps, world.principals.otherCoordinator, { filter, first, after });
        seen.push(...page.items);
        pageSizes.push(page.items.length);
        if (!page.pageInfo.hasNextPage) return { seen, pageSizes };
        after = page.pageInfo.endCursor ?? undefined;
      }
      throw new Error('paging did not end');
    }

    it('returns the PCN directory by category and name, across pages without duplicates or gaps', async () => {
      const { seen, pageSizes } = await allPages({ pcnId: directoryPcnId }, 5);

      const order = (a: Activity) => `${a.category}#${a.name.toLowerCase()}`;
      const want = [...expected].sort((a, b) => order(a).localeCompare(order(b))).map((a) => a.activityId);
      expect(seen.map((activity) => activity.activityId)).toEqual(want);
      expect(pageSizes.slice(0, -1).every((size) => size === 5)).toBe(true);
    });

    it('returns only one category when asked', async () => {
      const { seen } = await allPages({ pcnId: directoryPcnId, category: 'SOCIAL_GROUPS' }, 3);

      const want = expected.filter((activity) => activity.category === 'SOCIAL_GROUPS');
      expect(seen.map((activity) => activity.activityId).sort()).toEqual(want.map((a) => a.activityId).sort());
      expect(seen.every((activity) => activity.category === 'SOCIAL_GROUPS')).toBe(true);
    });

    it('matches text case-insensitively on name, description and venue, filling each page', async () => {
      const { seen, pageSizes } = await allPages({ pcnId: directoryPcnId, text: '  WALK ' }, 2);

      const want = expected.filter((a) => /walk/i.test(`${a.name} ${a.description} ${a.venueName}`));
      expect(want.length).toBeGreaterThan(4);
      expect(seen.map((a) => a.activityId).sort()).toEqual(want.map((a) => a.activityId).sort());
      expect(new Set(seen.map((a) => a.activityId)).size).toBe(seen.length);
      expect(pageSizes.slice(0, -1).every((size) => size === 2)).toBe(true);
      expect(pageSizes[pageSizes.length - 1]).toBeGreaterThan(0);
    });

    it('returns a provider its own activities when it gives no PCN', async () => {
      const page = await listActivities(world.deps, world.principals.otherProvider, { first: 100 });

      expect(page.items).toEqual([]);
      const own = await listActivities(world.deps, world.principals.provider, { first: 100 });
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((a) => a.providerOrganisationId === world.provider.organisationId)).toBe(true);
    });

    it('lets every role of the ICB read the directory, including a commissioner', async () => {
      const page = await listActivities(world.deps, world.principals.commissioner, {
        filter: { pcnId: directoryPcnId },
        first: 1,
      });

      expect(page.items).toHaveLength(1);
      expect(page.pageInfo.hasNextPage).toBe(true);
    });

    it('throws ForbiddenError for a directory in another ICB', async () => {
      const attempt = listActivities(world.deps, world.principals.farCoordinator, {
        filter: { pcnId: directoryPcnId },
      });

      await expect(attempt).rejects.toThrow(ForbiddenError);
    });

    it('throws naming the field for a page size over 100 or a cursor from another list', async () => {
      const { deps, principals } = world;
      const page = await listActivities(deps, principals.coordinator, { first: 1 });

      await expect(listActivities(deps, principals.coordinator, { first: 101 })).rejects.toMatchObject({
        field: 'first',
      });
      await expect(
        listActivities(deps, principals.otherCoordinator, { first: 1, after: page.pageInfo.endCursor ?? 'x' }),
      ).rejects.toMatchObject({ field: 'after' });
      await expect(listActivities(deps, principals.coordinator, { after: 'not-a-cursor' })).rejects.toMatchObject({
        field: 'after',
      });
    });
  });

  describe('getActivitiesByIds', () => {
    it('returns activities in the order asked, null for missing or out-of-ICB ids', async () => {
      const { deps, principals } = world;
      const a = await createActivity(deps, principals.coordinator, activityInput(world, { name: 'A' }));
      const b = await createActivity(deps, principals.coordinator, activityInput(world, { name: 'B' }));

      const found = await getActivitiesByIds(deps, principals.linkWorker, [b.activityId, 'missing', a.activityId]);

      expect(found.map((activity) => activity?.name ?? null)).toEqual(['B', null, 'A']);
      expect(await getActivitiesByIds(deps, principals.farCoordinator, [a.activityId])).toEqual([null]);
    });

    it('throws ForbiddenError when one activity is read from another ICB', async () => {
      const a = await createActivity(world.deps, world.principals.coordinator, activityInput(world));

      await expect(getActivity(world.deps, world.principals.farCoordinator, a.activityId)).rejects.toThrow(
        ForbiddenError,
      );
    });
  });
});
