//! One table per rule family: a sentence in, the facts that must (and must not) come out.
//! Facts are written `person:NAME`, `role:NAME|TITLE|BODY` (`-` for no body),
//! `attends:NAME|attended|presided|spoke`, `meeting:NAME`, `org:NAME`.

use std::collections::BTreeSet;

use guanxi::{Extraction, Extractor, Lexicon};

fn facts(r: &Extraction) -> BTreeSet<String> {
    let mut f = BTreeSet::new();
    for p in &r.persons {
        f.insert(format!("person:{}", p.name));
    }
    for x in &r.roles {
        f.insert(format!("role:{}|{}|{}", x.person, x.title, x.organization.as_deref().unwrap_or("-")));
    }
    for a in &r.attendance {
        f.insert(format!("attends:{}|{}", a.person, serde_json::to_value(a.role).unwrap().as_str().unwrap()));
    }
    for m in &r.meetings {
        f.insert(format!("meeting:{}", m.name));
    }
    for o in &r.organizations {
        f.insert(format!("org:{}", o.name));
    }
    f
}

/// Runs each (text, must have, must not have) case; the text is wrapped as the body of a report.
fn check(family: &str, cases: &[(&str, &[&str], &[&str])]) {
    let ex = Extractor::new(Lexicon::embedded().unwrap());
    let mut failures = Vec::new();
    for (text, has, lacks) in cases {
        let doc = format!("测试报道\n\n{text}\n");
        let f = facts(&ex.extract("case", &doc));
        for want in *has {
            if !f.contains(*want) {
                failures.push(format!("{family}: `{text}` lacks {want}; got {f:?}"));
            }
        }
        for unwanted in *lacks {
            if f.contains(*unwanted) {
                failures.push(format!("{family}: `{text}` has {unwanted}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn title_chains_split_carry_and_distribute() {
    check(
        "chains",
        &[
            (
                "北京市委常委、教育工委书记，市政府党组成员林晓岚出席座谈会并讲话，各方代表参加。",
                &[
                    "role:林晓岚|常委|中共北京市委员会",
                    "role:林晓岚|书记|中共北京市委员会教育工作委员会",
                    "role:林晓岚|党组成员|北京市人民政府",
                ],
                &[],
            ),
            (
                "北京市科委、中关村管委会党组书记、主任郑一鸣主持会议，各区负责同志参加会议。",
                &[
                    "role:郑一鸣|党组书记|北京市科学技术委员会",
                    "role:郑一鸣|主任|北京市科学技术委员会",
                    "role:郑一鸣|党组书记|中关村管委会",
                    "role:郑一鸣|主任|中关村管委会",
                ],
                &[],
            ),
            (
                "上海市闵行区委副书记、区长尤明德出席活动并致辞，区有关部门负责同志参加。",
                &["role:尤明德|副书记|中共闵行区委员会", "role:尤明德|区长|闵行区人民政府"],
                &[],
            ),
            (
                "中共中央政治局常委、国务院总理庞立群主持会议，国务院副总理乔振东、谷雨晴出席。",
                &[
                    "role:庞立群|常委|中共中央政治局",
                    "role:庞立群|总理|中华人民共和国国务院",
                    "role:乔振东|副总理|中华人民共和国国务院",
                    "role:谷雨晴|副总理|中华人民共和国国务院",
                ],
                &[],
            ),
            (
                "国家发展改革委运行局组织召开保供调度会。运行局局长陈明宇主持会议，有关企业负责同志参加。",
                &["role:陈明宇|局长|国家发展改革委运行局"],
                &["org:运行局"],
            ),
            (
                "会议听取了全国人大财经委副主任委员翁明德作的关于预算执行情况的报告，与会人员进行了审议。",
                &["role:翁明德|副主任委员|全国人民代表大会财政经济委员会"],
                &["person:法律委"],
            ),
        ],
    );
}

#[test]
fn names_are_judged_by_shape_and_context() {
    check(
        "names",
        &[
            (
                "区领导聂振宇、阎思齐、巫明轩参加会议，会议由区委办公室组织，时间为一小时。",
                &["person:聂振宇", "person:阎思齐", "person:巫明轩"],
                &["role:聂振宇|区领导|-"],
            ),
            (
                "赵明川委员长主持会议，全体委员出席会议，会议听取了有关报告，审议了议案。",
                &["person:赵明川", "role:赵明川|委员长|全国人民代表大会常务委员会"],
                &[],
            ),
            (
                "保加利亚国民议会副议长加内维奇出席论坛并致辞，各国代表共三百余人参加论坛。",
                &["person:加内维奇"],
                &["person:余人"],
            ),
            (
                "新疆维吾尔自治区党委副书记、自治区主席艾力·买买提出席会议并讲话，会议取得圆满成功。",
                &["person:艾力·买买提"],
                &[],
            ),
            (
                "（记者 甄小雨 通讯员 卓一凡）本次会议的主要议程已经全部完成，与会同志表示满意。",
                &[],
                &["person:甄小雨", "person:卓一凡"],
            ),
            (
                "要深入学习贯彻总书记重要讲话精神，切实提高政治站位，全面推进各项工作高质量发展。",
                &[],
                &["person:深入学"],
            ),
        ],
    );
}

#[test]
fn attendance_follows_the_verbs() {
    check(
        "attendance",
        &[
            (
                "林晓岚出席座谈会并讲话，郑一鸣主持会议，各区负责同志参加座谈。",
                &[
                    "attends:林晓岚|attended",
                    "attends:林晓岚|spoke",
                    "attends:郑一鸣|presided",
                    "attends:郑一鸣|attended",
                ],
                &["attends:郑一鸣|spoke"],
            ),
            (
                "会议由省政府秘书长蔺浩然主持，各市分管负责同志参加会议，会议时间约两小时。",
                &["attends:蔺浩然|presided"],
                &[],
            ),
            (
                "会议传达学习了国务院总理庞立群的重要讲话精神，省长雷振华主持会议并讲话。",
                &["attends:雷振华|presided", "attends:雷振华|spoke"],
                &["attends:庞立群|attended", "attends:庞立群|spoke"],
            ),
            (
                "国务院副总理乔振东会见了保加利亚国民议会副议长加内维奇，双方就合作交换了意见。",
                &["attends:乔振东|attended", "attends:加内维奇|attended"],
                &[],
            ),
            (
                "市人才局副局长柯文涛、海淀区副区长骆晨分别对各单位提出的建议做出回应，表示将积极推进。",
                &["attends:柯文涛|spoke", "attends:骆晨|spoke"],
                &[],
            ),
        ],
    );
}

#[test]
fn meetings_and_bodies_are_named() {
    check(
        "meetings",
        &[
            (
                "3月14日，北京市科委组织召开“智能制造创新发展座谈会”，有关单位参加会议。",
                &["meeting:智能制造创新发展座谈会", "org:北京市科学技术委员会"],
                &[],
            ),
            (
                "十四届全国人大常委会第九次会议27日下午在京举行第一次全体会议，委员长主持。",
                &["meeting:十四届全国人大常委会第九次会议"],
                &[],
            ),
            (
                "中共中央20日上午在人民大会堂举行座谈会，纪念某某同志诞辰100周年，有关方面出席。",
                &[],
                &["meeting:中共中央20日上午在人民大会"],
            ),
            (
                "新华社北京5月8日电 国务院召开常务会议，研究部署有关工作，会议强调要抓好落实。",
                &["org:中华人民共和国国务院"],
                &["org:新华通讯社"],
            ),
            (
                "会议要求，各市委办局要切实履行职责，推动各项任务落实落细，确保取得实效。",
                &[],
                &["org:中共北京市委员会办公室"],
            ),
        ],
    );
}

#[test]
fn bodies_known_by_their_shape_hold_posts() {
    check(
        "body shapes",
        &[
            (
                // Items of one list: a bodyless post is held in the body of the item before.
                "某某市第一人民医院党委书记李明华、院长张三、副院长王小明等随行。",
                &[
                    "role:李明华|党委书记|某某市第一人民医院",
                    "role:张三|院长|某某市第一人民医院",
                    "role:王小明|副院长|某某市第一人民医院",
                ],
                &["role:张三|院长|-"],
            ),
            (
                // A unit's party committee: 党委 posts of the unit, its other posts too.
                "某某理工大学党委书记张三、副书记王小明、校长李明华出席。",
                &[
                    "role:张三|党委书记|某某理工大学",
                    "role:王小明|党委副书记|某某理工大学",
                    "role:李明华|校长|某某理工大学",
                ],
                &[],
            ),
            (
                "某某重工集团党委书记、董事长张三出席。",
                &["role:张三|党委书记|某某重工集团", "role:张三|董事长|某某重工集团"],
                &[],
            ),
            (
                // A township's committee is a body of its own; its head holds a post in its government.
                "某某镇党委书记张三、镇长李明华参加调研。",
                &["role:张三|书记|某某镇党委", "role:李明华|镇长|某某镇人民政府"],
                &[],
            ),
            (
                // A democratic party's committee of a region, the region written or implied.
                "湖南省长沙市召开会议。民进湖南省委主委张三、九三学社市委副主委李明华、致公党长沙市总支主委王小明出席。",
                &[
                    "role:张三|主委|中国民主促进会湖南省委员会",
                    "role:李明华|副主委|九三学社长沙市委员会",
                    "role:王小明|主委|中国致公党长沙市总支部委员会",
                ],
                &["org:中共湖南省委员会", "org:中共长沙市委员会"],
            ),
            (
                // Separate chains of regions do not lend each other bodies.
                "北京市委书记张三、市长李明华出席。",
                &["role:李明华|市长|北京市人民政府"],
                &["role:李明华|市长|中共北京市委员会"],
            ),
        ],
    );
}

#[test]
fn unknown_bodies_in_running_text_are_named_by_their_ending() {
    check(
        "shaped bodies",
        &[
            (
                // Left edges: 了, 、 and a region start the names; the brackets belong to them.
                "会议邀请了杭州青禾智能科技有限公司、星辰数据服务（浙江）有限公司、宁波明湖康复医院等企业参加。",
                &["org:杭州青禾智能科技有限公司", "org:星辰数据服务（浙江）有限公司", "org:宁波明湖康复医院"],
                &["org:了杭州青禾智能科技有限公司"],
            ),
            (
                // A person's name, a verb or a conjunction before the name is no part of it.
                "李明华介绍了湖南省人工智能学会的情况，张三和长沙青松新材料股份有限公司代表发言。",
                &["org:湖南省人工智能学会", "org:长沙青松新材料股份有限公司"],
                &["org:和长沙青松新材料股份有限公司"],
            ),
            (
                // Categories and generic words are no bodies.
                "三甲医院、人民医院和国家重点实验室要发挥作用，教育部直属师范大学积极参与，服务党和国家中心工作。",
                &[],
                &["org:三甲医院", "org:人民医院", "org:国家重点实验室", "org:教育部直属师范大学", "org:党和国家中心"],
            ),
            (
                // A credit line names no body.
                "来源：杭州青禾智能科技有限公司",
                &[],
                &["org:杭州青禾智能科技有限公司"],
            ),
        ],
    );
}
