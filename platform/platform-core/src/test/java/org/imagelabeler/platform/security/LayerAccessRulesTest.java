package org.imagelabeler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data-dir layer rules ({@code security/layers.properties}) and the rule-based policy. */
class LayerAccessRulesTest {

    private static final Subject ANONYMOUS = Subject.ANONYMOUS;
    private static final Subject PLAIN_USER = new Subject("alice", Set.of());
    private static final Subject EDITOR = new Subject("bob", Set.of("EDITOR"));
    private static final Subject VIEWER = new Subject("carol", Set.of("VIEWER"));
    private static final Subject ADMIN = new Subject("root", Set.of("ADMIN"));

    private static final AccessTarget CATALOG = AccessTarget.catalog();
    private static final AccessTarget TOPP = AccessTarget.workspace("topp");
    private static final AccessTarget TOPP_ROADS = AccessTarget.layer("topp", "roads");
    private static final AccessTarget TOPP_RIVERS = AccessTarget.layer("topp", "rivers");
    private static final AccessTarget SF_ROADS = AccessTarget.layer("sf", "roads");

    @TempDir
    Path securityDir;

    private Path rulesFile() {
        return securityDir.resolve(LayerAccessRules.FILE_NAME);
    }

    private LayerAccessRules withFile(String content) throws IOException {
        Files.writeString(rulesFile(), content);
        return new LayerAccessRules(securityDir);
    }

    private List<String> filesInSecurityDir() throws IOException {
        try (Stream<Path> files = Files.list(securityDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- defaults ---------------------------------------------------------------------------

    @Test
    void withoutAFileEveryoneReadsAndOnlyAdminsWriteOrAdminister() throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);

        for (AccessTarget target : List.of(CATALOG, TOPP, TOPP_ROADS)) {
            for (Subject s : List.of(ANONYMOUS, PLAIN_USER, EDITOR, ADMIN)) {
                assertThat(rules.decide(s, target, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
            }
            for (AccessMode mode : List.of(AccessMode.WRITE, AccessMode.ADMIN)) {
                assertThat(rules.decide(ANONYMOUS, target, mode)).isEqualTo(AccessDecision.DENY);
                assertThat(rules.decide(PLAIN_USER, target, mode)).isEqualTo(AccessDecision.DENY);
                assertThat(rules.decide(EDITOR, target, mode)).isEqualTo(AccessDecision.DENY);
                assertThat(rules.decide(ADMIN, target, mode)).isEqualTo(AccessDecision.ALLOW);
            }
        }
        assertThat(rules.asMap()).isEqualTo(Map.of("*.*.r", "*", "*.*.w", "ADMIN", "*.*.a", "ADMIN"));
        assertThat(filesInSecurityDir())
                .as("reading the defaults writes nothing")
                .isEmpty();
    }

    @Test
    void ruleHasLowestPriority() {
        assertThat(new LayerAccessRules(securityDir).getPriority())
                .isEqualTo(org.imagelabeler.platform.extension.ExtensionPriority.LOWEST);
    }

    // ---- matching ---------------------------------------------------------------------------

    @Test
    void mostSpecificRuleWins() throws IOException {
        LayerAccessRules rules = withFile("""
                *.*.r=VIEWER
                topp.*.r=EDITOR
                topp.roads.r=ADMIN
                """);

        // topp.roads.r beats topp.*.r and *.*.r
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(VIEWER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(ADMIN, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        // topp.*.r beats *.*.r for the other layers of topp and for the workspace itself
        assertThat(rules.decide(EDITOR, TOPP_RIVERS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(VIEWER, TOPP_RIVERS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(EDITOR, TOPP, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(VIEWER, TOPP, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        // *.*.r elsewhere, and for the catalog as a whole
        assertThat(rules.decide(VIEWER, SF_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(EDITOR, SF_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(VIEWER, CATALOG, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(EDITOR, CATALOG, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
    }

    @Test
    void rulesOfOneModeDoNotApplyToAnother() throws IOException {
        LayerAccessRules rules = withFile("""
                *.*.r=*
                topp.roads.w=EDITOR
                """);

        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(VIEWER, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(EDITOR, TOPP_RIVERS, AccessMode.WRITE))
                .as("no rule names w for this layer, not even *.*.w")
                .isEqualTo(AccessDecision.ABSTAIN);
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.ADMIN)).isEqualTo(AccessDecision.ABSTAIN);
        assertThat(rules.decide(ANONYMOUS, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
    }

    @Test
    void layerNamesMayContainDots() throws IOException {
        LayerAccessRules rules = withFile("""
                *.*.r=ADMIN
                topp.roads.v2.r=VIEWER
                """);

        assertThat(rules.decide(VIEWER, AccessTarget.layer("topp", "roads.v2"), AccessMode.READ))
                .isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(VIEWER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
    }

    @Test
    void starRoleAdmitsAnonymous() throws IOException {
        LayerAccessRules rules = withFile("topp.*.r=*\n*.*.r=ADMIN\n");

        assertThat(rules.decide(ANONYMOUS, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(PLAIN_USER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(ANONYMOUS, SF_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
    }

    @Test
    void authenticatedAdmitsAnySignedInUserButNotAnonymous() throws IOException {
        LayerAccessRules rules = withFile("*.*.r=AUTHENTICATED\n");

        assertThat(rules.decide(PLAIN_USER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(ANONYMOUS, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
    }

    @Test
    void anonymousIsDeniedEvenWhenTheRuleNamesRoles() throws IOException {
        LayerAccessRules rules = withFile("*.*.r=VIEWER,EDITOR\n");

        assertThat(rules.decide(ANONYMOUS, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(PLAIN_USER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
        assertThat(rules.decide(VIEWER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"editor", "EDITOR", "Editor", "ROLE_EDITOR", "role_editor", " ROLE_Editor "})
    void rolesInRulesCompareWithoutCaseAndPrefix(String role) throws IOException {
        LayerAccessRules rules = withFile("*.*.w=VIEWER," + role + "\n");

        for (String held : List.of("EDITOR", "editor", "ROLE_EDITOR", "Role_Editor")) {
            assertThat(rules.decide(new Subject("u", Set.of(held)), TOPP_ROADS, AccessMode.WRITE))
                    .as("rule role %s, subject role %s", role, held)
                    .isEqualTo(AccessDecision.ALLOW);
        }
        assertThat(rules.decide(new Subject("u", Set.of("EDITORS")), TOPP_ROADS, AccessMode.WRITE))
                .isEqualTo(AccessDecision.DENY);
    }

    @Test
    void authenticatedRoleIsRecognisedWithoutCaseAndPrefix() throws IOException {
        LayerAccessRules rules = withFile("*.*.r=role_authenticated\n");

        assertThat(rules.decide(PLAIN_USER, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.ALLOW);
        assertThat(rules.decide(ANONYMOUS, TOPP_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);
    }

    // ---- malformed rules ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"topp.roads", "topp", "topp.roads.", "*.layer.r", "topp..r", ".roads.r", "*.roads.w"})
    void malformedRuleIsRefusedNamingTheRuleAndChangesNothing(String rule) throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);
        rules.add(Map.of("topp.*.r", "VIEWER"));
        String fileBefore = Files.readString(rulesFile());
        Map<String, String> before = rules.asMap();

        assertThatThrownBy(() -> rules.add(Map.of(rule, "EDITOR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rule);

        assertThat(rules.asMap()).isEqualTo(before);
        assertThat(rulesFile()).hasContent(fileBefore);
        assertThat(filesInSecurityDir()).containsExactly(LayerAccessRules.FILE_NAME);
    }

    @Test
    void unknownModeIsRefusedAndChangesNothing() throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);
        rules.add(Map.of("topp.*.r", "VIEWER"));
        String fileBefore = Files.readString(rulesFile());
        Map<String, String> before = rules.asMap();

        assertThatThrownBy(() -> rules.add(Map.of("topp.roads.x", "EDITOR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("topp.roads.x");
        assertThatThrownBy(() -> rules.add(Map.of("topp.roads.R", "EDITOR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.update(Map.of("topp.*.rw", "EDITOR")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(rules.asMap()).isEqualTo(before);
        assertThat(rulesFile()).hasContent(fileBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,"})
    void ruleWithoutRolesIsRefusedNamingTheRule(String roles) throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);
        Map<String, String> before = rules.asMap();

        assertThatThrownBy(() -> rules.add(Map.of("topp.roads.r", roles)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topp.roads.r");
        assertThatThrownBy(() -> rules.update(Map.of("*.*.r", roles)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("*.*.r");

        assertThat(rules.asMap()).isEqualTo(before);
        assertThat(rulesFile()).doesNotExist();
    }

    @Test
    void oneMalformedRuleRefusesTheWholeBatch() throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);
        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("topp.*.r", "VIEWER");
        batch.put("sf.roads.w", "EDITOR");
        batch.put("*.bad.r", "EDITOR");

        assertThatThrownBy(() -> rules.add(batch)).isInstanceOf(IllegalArgumentException.class);

        assertThat(rules.asMap()).doesNotContainKeys("topp.*.r", "sf.roads.w");
        assertThat(rulesFile()).doesNotExist();
    }

    @Test
    void malformedRuleInTheFileIsRefusedAtLoad() throws IOException {
        Files.writeString(rulesFile(), "*.*.r=*\n*.roads.r=EDITOR\n");

        assertThatThrownBy(() -> new LayerAccessRules(securityDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("*.roads.r");
    }

    @Test
    void addingAnExistingRuleOrUpdatingAMissingOneChangesNothing() throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);
        rules.add(Map.of("topp.*.r", "VIEWER"));
        String fileBefore = Files.readString(rulesFile());

        assertThatThrownBy(() -> rules.add(Map.of("topp.*.r", "EDITOR"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rules.update(Map.of("sf.*.r", "EDITOR"))).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> rules.remove("sf.*.r")).isInstanceOf(NoSuchElementException.class);

        assertThat(rules.asMap()).containsEntry("topp.*.r", "VIEWER").doesNotContainKey("sf.*.r");
        assertThat(rulesFile()).hasContent(fileBefore);
    }

    // ---- persistence --------------------------------------------------------------------------

    @Test
    void addUpdateAndRemovePersistAndAreReadBackByANewInstance() throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);

        rules.add(Map.of("topp.*.r", "ROLE_Viewer, editor", "topp.roads.w", "EDITOR"));
        assertThat(rulesFile()).isRegularFile();
        assertThat(new LayerAccessRules(securityDir).asMap())
                .isEqualTo(Map.of(
                        "*.*.r", "*",
                        "*.*.w", "ADMIN",
                        "*.*.a", "ADMIN",
                        "topp.*.r", "VIEWER,EDITOR",
                        "topp.roads.w", "EDITOR"));

        rules.update(Map.of("topp.roads.w", "AUTHENTICATED", "*.*.r", "VIEWER"));
        LayerAccessRules afterUpdate = new LayerAccessRules(securityDir);
        assertThat(afterUpdate.asMap())
                .containsEntry("topp.roads.w", "AUTHENTICATED")
                .containsEntry("*.*.r", "VIEWER");
        assertThat(afterUpdate.decide(PLAIN_USER, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.ALLOW);
        assertThat(afterUpdate.decide(ANONYMOUS, SF_ROADS, AccessMode.READ)).isEqualTo(AccessDecision.DENY);

        rules.remove("topp.roads.w");
        rules.remove("*.*.a");
        LayerAccessRules afterRemove = new LayerAccessRules(securityDir);
        assertThat(afterRemove.asMap()).isEqualTo(rules.asMap()).doesNotContainKeys("topp.roads.w", "*.*.a");
        assertThat(afterRemove.decide(EDITOR, TOPP_ROADS, AccessMode.ADMIN)).isEqualTo(AccessDecision.ABSTAIN);
        assertThat(filesInSecurityDir()).containsExactly(LayerAccessRules.FILE_NAME);
    }

    @Test
    void changesApplyImmediatelyToTheInstance() throws IOException {
        LayerAccessRules rules = new LayerAccessRules(securityDir);
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.DENY);

        rules.add(Map.of("topp.roads.w", "EDITOR"));
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.ALLOW);

        rules.remove("topp.roads.w");
        assertThat(rules.decide(EDITOR, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.DENY);
    }

    @Test
    void fileIsReadWithGeoServerPropertiesSyntax() throws IOException {
        LayerAccessRules rules = withFile("""
                # comment
                ! another comment
                *.*.r = *
                topp.*.w : ROLE_EDITOR , ROLE_VIEWER
                """);

        assertThat(rules.asMap()).isEqualTo(Map.of("*.*.r", "*", "topp.*.w", "EDITOR,VIEWER"));
        assertThat(rules.decide(VIEWER, TOPP_ROADS, AccessMode.WRITE)).isEqualTo(AccessDecision.ALLOW);
    }

    // ---- RuleBasedAccessPolicy ----------------------------------------------------------------

    private static AccessRule fixed(AccessDecision decision, List<String> askedLog, String name) {
        return (subject, target, mode) -> {
            askedLog.add(name);
            return decision;
        };
    }

    @Test
    void policyAlwaysAllowsAdmins() {
        List<String> asked = new ArrayList<>();
        RuleBasedAccessPolicy policy =
                new RuleBasedAccessPolicy(() -> List.of(fixed(AccessDecision.DENY, asked, "deny")));

        for (AccessMode mode : AccessMode.values()) {
            assertThat(policy.allows(ADMIN, TOPP_ROADS, mode)).isTrue();
            assertThat(policy.allows(new Subject("x", Set.of("role_admin")), CATALOG, mode))
                    .isTrue();
        }
        assertThat(policy.allows(EDITOR, TOPP_ROADS, AccessMode.READ)).isFalse();
        assertThat(asked).as("admins are allowed without asking the rules").containsExactly("deny");
    }

    @Test
    void policyFirstNonAbstainingRuleInOrderDecides() {
        List<String> asked = new ArrayList<>();
        AccessRule abstain = fixed(AccessDecision.ABSTAIN, asked, "abstain");
        AccessRule allow = fixed(AccessDecision.ALLOW, asked, "allow");
        AccessRule deny = fixed(AccessDecision.DENY, asked, "deny");

        assertThat(new RuleBasedAccessPolicy(() -> List.of(abstain, allow, deny))
                        .allows(EDITOR, TOPP_ROADS, AccessMode.WRITE))
                .isTrue();
        assertThat(asked).containsExactly("abstain", "allow");

        asked.clear();
        assertThat(new RuleBasedAccessPolicy(() -> List.of(abstain, deny, allow))
                        .allows(EDITOR, TOPP_ROADS, AccessMode.WRITE))
                .isFalse();
        assertThat(asked).containsExactly("abstain", "deny");
    }

    @Test
    void policyDeniesWhenAllRulesAbstainOrThereAreNone() {
        List<String> asked = new ArrayList<>();
        AccessRule abstain = fixed(AccessDecision.ABSTAIN, asked, "abstain");

        assertThat(new RuleBasedAccessPolicy(() -> List.of(abstain, abstain)).allows(EDITOR, TOPP, AccessMode.READ))
                .isFalse();
        assertThat(new RuleBasedAccessPolicy(List::of).allows(ANONYMOUS, TOPP, AccessMode.READ))
                .isFalse();
        assertThat(asked).containsExactly("abstain", "abstain");
    }

    @Test
    void policyAsksTheRulesSupplierOnEveryDecision() {
        List<AccessRule> current = new ArrayList<>();
        RuleBasedAccessPolicy policy = new RuleBasedAccessPolicy(() -> List.copyOf(current));
        assertThat(policy.allows(EDITOR, TOPP, AccessMode.READ)).isFalse();

        current.add((s, t, m) -> AccessDecision.ALLOW);

        assertThat(policy.allows(EDITOR, TOPP, AccessMode.READ)).isTrue();
    }

    @Test
    void policyWithLayerRulesBehindAPluginRule() throws IOException {
        LayerAccessRules layerRules = withFile("*.*.r=*\n*.*.w=ADMIN\n");
        // a plugin rule owning workspace "events": editors write there, abstains elsewhere
        AccessRule plugin = (s, t, m) -> "events".equals(t.workspace())
                ? (s.hasRole("EDITOR") ? AccessDecision.ALLOW : AccessDecision.DENY)
                : AccessDecision.ABSTAIN;
        RuleBasedAccessPolicy policy = new RuleBasedAccessPolicy(() -> List.of(plugin, layerRules));

        assertThat(policy.allows(EDITOR, AccessTarget.layer("events", "e1"), AccessMode.WRITE))
                .isTrue();
        assertThat(policy.allows(ANONYMOUS, AccessTarget.layer("events", "e1"), AccessMode.READ))
                .as("the plugin rule speaks first and denies")
                .isFalse();
        assertThat(policy.allows(EDITOR, TOPP_ROADS, AccessMode.WRITE)).isFalse();
        assertThat(policy.allows(ANONYMOUS, TOPP_ROADS, AccessMode.READ)).isTrue();
        assertThat(policy.allows(ADMIN, TOPP_ROADS, AccessMode.ADMIN)).isTrue();
    }

    // ---- Subject and AccessTarget -------------------------------------------------------------

    @Test
    void subjectNormalisesRoles() {
        Subject s = new Subject("u", Set.of("ROLE_editor", " viewer "));

        assertThat(s.roles()).containsExactlyInAnyOrder("EDITOR", "VIEWER");
        assertThat(s.hasRole("Role_Viewer")).isTrue();
        assertThat(s.isAnonymous()).isFalse();
        assertThat(s.isAdmin()).isFalse();
        assertThat(new Subject("u", null).roles()).isEmpty();
        assertThat(Subject.ANONYMOUS.isAnonymous()).isTrue();
    }

    @Test
    void layerTargetNeedsAWorkspace() {
        assertThatThrownBy(() -> new AccessTarget(null, "roads")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccessMode.ofLetter("w")).isEqualTo(AccessMode.WRITE);
    }
}
