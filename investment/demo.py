"""Demo data of BIGGOS and OSS RBA (called by ``manage.py seed_demo``; safe to run again, never
overwrites what an admin edited): KBLI 2020 activities common in Kota Probolinggo with their risk
level per scale and the catalogue services each needs, KBLI and risk on the business services,
and the investment information page."""

from django.db import transaction

from services.models import Requirement, Service, ServiceStandard

from .models import ActivityRisk, ActivityService, InvestmentInfo, KbliActivity, Sector, Zone

Z = Zone
ALL_BUT_INDUSTRY = [Z.HOUSING, Z.TRADE, Z.MIXED, Z.OFFICE]
COMMERCIAL = [Z.TRADE, Z.MIXED]

# Business services of the catalogue: (KBLI 2020, risk level). Set only where blank.
SERVICE_RISK = {
    "IZIN-KLINIK": ("86104", "tinggi"),
    "IZIN-LAB-KLINIK": ("86903", "tinggi"),
    "IZIN-APOTEK": ("47721", "tinggi"),
    "IZIN-TOKO-OBAT": ("47722", "menengah_tinggi"),
    "IZIN-TOKO-MODERN": ("47111", "menengah_tinggi"),
    "SLHS": ("56101", "menengah_tinggi"),
    "SPP-IRT": ("10794", "menengah_rendah"),
    "TDG": ("52101", "menengah_rendah"),
    "IZIN-LKP": ("85499", "tinggi"),
    "IZIN-PAUD": ("85111", "tinggi"),
}

# Menengah rendah: the business standard the applicant declares to meet (pernyataan mandiri).
BUSINESS_STANDARDS = {
    "SPP-IRT": (
        "Cara Produksi Pangan Olahan yang Baik untuk Industri Rumah Tangga (CPPOB-IRT): ruang produksi "
        "bersih dan terpisah dari tempat tinggal, air bersih untuk produksi, peralatan dari bahan yang "
        "aman untuk pangan, pekerja sehat dan memakai pelindung, serta label memuat nama produk, "
        "komposisi, berat bersih, nama dan alamat IRTP, nomor P-IRT dan tanggal kedaluwarsa."
    ),
    "TDG": (
        "Standar usaha pergudangan: luas dan kapasitas gudang sesuai yang didaftarkan, alat pemadam api "
        "ringan yang berfungsi, penerangan dan ventilasi memadai, serta pencatatan barang masuk dan "
        "keluar yang dapat diperiksa petugas."
    ),
}
# Menengah tinggi: the document the agency verifies before the Sertifikat Standar is approved.
STANDARD_DOCUMENT = (
    "Dokumen pemenuhan standar usaha (Sertifikat Standar)",
    "Bukti pemenuhan standar usaha KBLI ini sebagaimana diisi di OSS (PP 28/2025), dalam satu berkas "
    "PDF; diverifikasi petugas instansi sebelum permohonan disetujui.",
)


def seed_risk_obligations() -> None:
    """What the risk levels ask, on the standards in force: the declaration text (menengah rendah)
    and the standard fulfilment document row (menengah tinggi). Only where missing."""
    standards = ServiceStandard.objects.filter(
        status=ServiceStandard.Status.IN_FORCE, service__risk_level__in=["menengah_rendah", "menengah_tinggi"]
    ).select_related("service")
    for standard in standards:
        service = standard.service
        if service.risk_level == "menengah_rendah":
            text = BUSINESS_STANDARDS.get(service.code, "")
            if text and not standard.business_standard:
                standard.business_standard = text
                standard._change_reason = "Standar usaha untuk pernyataan mandiri (data demo)"
                standard.save(update_fields=["business_standard", "updated_at"])
        elif not standard.requirements.filter(kind=Requirement.Kind.STANDARD_CERTIFICATE).exists():
            last = standard.requirements.order_by("-order").values_list("order", flat=True).first() or 0
            Requirement.objects.create(
                standard=standard,
                order=last + 1,
                name=STANDARD_DOCUMENT[0],
                description=STANDARD_DOCUMENT[1],
                mandatory=True,
                accepted_kinds=["pdf"],
                kind=Requirement.Kind.STANDARD_CERTIFICATE,
            )


R, MR, MT, T = "rendah", "menengah_rendah", "menengah_tinggi", "tinggi"
SMALL = ["mikro", "kecil"]
BIG = ["menengah", "besar"]

# code, title, keywords, allowed zones, risk by scale (mikro, kecil, menengah, besar),
# services in order: (service code, scales or [], zones or [], note)
ACTIVITIES = [
    (
        "56102",
        "Rumah/Warung Makan",
        "warung makan rumah makan depot kuliner nasi lalapan bakso soto",
        [],
        (R, R, MR, MR),
        [
            ("NIB-OSS", [], [], "NIB terbit otomatis di OSS; petugas MPP mendampingi."),
            ("SLHS", BIG, [], "Sertifikat Laik Higiene Sanitasi untuk rumah makan skala menengah ke atas."),
            ("NPWPD", [], [], "Pajak barang dan jasa tertentu (PBJT) makanan dan minuman."),
            ("IZIN-REKLAME", [], [], "Bila memasang papan nama/reklame."),
        ],
    ),
    (
        "56101",
        "Restoran",
        "restoran rumah makan resto kafe cafe kuliner",
        ALL_BUT_INDUSTRY,
        (R, MR, MR, MT),
        [
            ("INFO-TATA-RUANG", BIG, [], "Memastikan lokasi sesuai rencana tata ruang."),
            ("NIB-OSS", [], [], ""),
            ("PBG-NONHUNIAN", ["kecil", *BIG], [], "Bila membangun atau mengubah bangunan usaha."),
            ("SPPL", [], [], "Pernyataan kesanggupan pengelolaan lingkungan."),
            ("SLHS", [], [], ""),
            ("NPWPD", [], [], "Pajak restoran (PBJT makanan dan minuman)."),
            ("IZIN-REKLAME", [], [], "Bila memasang papan nama/reklame."),
        ],
    ),
    (
        "47112",
        "Perdagangan Eceran Yang Utamanya Makanan, Minuman Atau Tembakau Bukan Di Minimarket/Supermarket/Hypermarket (Tradisional)",
        "toko kelontong warung sembako toko klontong pracangan perdagangan eceran",
        [],
        (R, R, R, MR),
        [
            ("NIB-OSS", [], [], ""),
            ("KARTU-PEDAGANG", [], [], "Hanya bila berjualan di pasar rakyat milik Pemerintah Kota."),
        ],
    ),
    (
        "47111",
        "Perdagangan Eceran Yang Utamanya Makanan, Minuman Atau Tembakau Di Minimarket/Supermarket/Hypermarket",
        "minimarket toko modern swalayan supermarket retail perdagangan eceran",
        COMMERCIAL,
        (MR, MR, MT, MT),
        [
            ("INFO-TATA-RUANG", [], [], "Jarak dari pasar rakyat diatur Perda penataan toko swalayan."),
            ("NIB-OSS", [], [], ""),
            ("PBG-NONHUNIAN", [], [], ""),
            ("SPPL", [], [], ""),
            ("IZIN-TOKO-MODERN", [], [], ""),
            ("IZIN-REKLAME", [], [], ""),
        ],
    ),
    (
        "45201",
        "Reparasi Mobil",
        "bengkel mobil reparasi servis mobil otomotif",
        [Z.TRADE, Z.MIXED, Z.INDUSTRY],
        (R, R, MR, MR),
        [
            ("INFO-TATA-RUANG", [], [], ""),
            ("NIB-OSS", [], [], ""),
            ("SPPL", [], [], ""),
            ("PBG-NONHUNIAN", ["kecil", *BIG], [], ""),
            ("RINTEK-LB3", ["kecil", *BIG], [], "Oli bekas dan aki bekas adalah limbah B3."),
        ],
    ),
    (
        "45405",
        "Reparasi Dan Perawatan Sepeda Motor",
        "bengkel motor servis sepeda motor tambal ban reparasi",
        [Z.TRADE, Z.MIXED, Z.INDUSTRY, Z.HOUSING],
        (R, R, MR, MR),
        [
            ("NIB-OSS", [], [], ""),
            ("SPPL", [], [], ""),
            ("RINTEK-LB3", BIG, [], "Oli bekas dan aki bekas adalah limbah B3."),
        ],
    ),
    (
        "55900",
        "Penyediaan Akomodasi Lainnya",
        "kos kosan rumah kos indekos asrama akomodasi",
        [Z.HOUSING, Z.TRADE, Z.MIXED],
        (R, R, MR, MR),
        [
            ("NIB-OSS", [], [], ""),
            ("PBG-HUNIAN", [], [], "Untuk bangunan kos sampai dua lantai."),
            ("NPWPD", ["kecil", *BIG], [], "Rumah kos lebih dari 10 kamar dikenai pajak perhotelan."),
        ],
    ),
    (
        "68111",
        "Real Estat Yang Dimiliki Sendiri Atau Disewa",
        "kontrakan rumah sewa kos sewa ruko properti real estat perumahan",
        [],
        (R, MR, MR, MR),
        [
            ("NIB-OSS", [], [], ""),
            ("KRK", BIG, [], ""),
            ("SITEPLAN", BIG, [], "Untuk pengembangan perumahan."),
            ("PBG-HUNIAN", [], [], ""),
            ("UKL-UPL", ["besar"], [], ""),
        ],
    ),
    (
        "86104",
        "Aktivitas Klinik Swasta",
        "klinik pratama klinik utama praktik dokter bersama kesehatan",
        ALL_BUT_INDUSTRY,
        (T, T, T, T),
        [
            ("INFO-TATA-RUANG", [], [], ""),
            ("NIB-OSS", [], [], ""),
            ("PBG-NONHUNIAN", [], [], ""),
            ("UKL-UPL", [], [], ""),
            ("PERTEK-AIR-LIMBAH", [], [], ""),
            ("RINTEK-LB3", [], [], "Limbah medis adalah limbah B3."),
            ("SIP-DOKTER", [], [], "Penanggung jawab klinik."),
            ("IZIN-KLINIK", [], [], ""),
        ],
    ),
    (
        "47721",
        "Perdagangan Eceran Barang Farmasi Di Apotik",
        "apotek apotik farmasi obat",
        ALL_BUT_INDUSTRY,
        (T, T, T, T),
        [
            ("SIPA", [], [], "Apoteker penanggung jawab."),
            ("NIB-OSS", [], [], ""),
            ("IZIN-APOTEK", [], [], ""),
        ],
    ),
    (
        "41011",
        "Konstruksi Gedung Hunian",
        "kontraktor konstruksi bangun rumah pemborong gedung hunian",
        [],
        (MT, MT, MT, MT),
        [
            ("NIB-OSS", [], [], "Sertifikat Badan Usaha (SBU) konstruksi diverifikasi LPJK."),
            ("WLKP", ["kecil", *BIG], [], ""),
            ("PKP", BIG, [], ""),
        ],
    ),
    (
        "10794",
        "Industri Kerupuk, Keripik, Peyek Dan Sejenisnya",
        "keripik kerupuk peyek camilan oleh-oleh pangan industri rumah tangga pirt",
        [Z.HOUSING, Z.MIXED, Z.INDUSTRY],
        (R, MR, MR, MT),
        [
            ("NIB-OSS", [], [], ""),
            ("PKP-PIRT", SMALL, [], "Penyuluhan keamanan pangan sebelum SPP-IRT."),
            ("SPP-IRT", SMALL, [], ""),
            ("MEREK-UMK", SMALL, [], "Tidak wajib; melindungi merek dagang."),
        ],
    ),
    (
        "52101",
        "Pergudangan Dan Penyimpanan",
        "gudang pergudangan penyimpanan cold storage",
        [Z.INDUSTRY, Z.TRADE, Z.MIXED],
        (MR, MR, MR, MT),
        [
            ("INFO-TATA-RUANG", [], [], ""),
            ("NIB-OSS", [], [], ""),
            ("PBG-NONHUNIAN", [], [], ""),
            ("SPPL", [], [], ""),
            ("TDG", [], [], ""),
        ],
    ),
]

INFO = {
    "title": "Peluang Investasi Kota Probolinggo",
    "introduction": (
        "Kota Probolinggo berada di jalur utama Surabaya–Banyuwangi dan menjadi pintu menuju kawasan "
        "wisata Bromo Tengger Semeru. Pelabuhan Perikanan Pantai Mayangan, jalan tol Trans Jawa dan "
        "jalur kereta api menghubungkan kota ini dengan pasar Jawa Timur dan Bali.\n"
        "Seluruh perizinan berusaha diurus di Mal Pelayanan Publik: NIB melalui OSS RBA dengan "
        "pendampingan petugas, dan izin daerah melalui portal ini."
    ),
    "contacts": (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Probolinggo\n"
        "Mal Pelayanan Publik, Lantai 1, Jl. Basuki Rachmad, Kelurahan Mangunharjo, Kecamatan Mayangan, "
        "Kota Probolinggo 67217\n"
        "Telepon (0335) 432510 · dpmptsp@probolinggokota.go.id\n"
        "Konsultasi perizinan dan informasi investasi: loket DPMPTSP, Senin–Kamis 08.00–14.00 WIB, "
        "Jumat 08.00–11.00 WIB."
    ),
}

SECTORS = [
    (
        "Perikanan dan pengolahan hasil laut",
        "Pelabuhan Perikanan Pantai Mayangan mendaratkan ikan laut setiap hari; nelayan dan pengolah "
        "ikan tersebar di Kecamatan Mayangan.",
        "Pengolahan ikan (pengasapan, pembekuan, tepung ikan), cold storage, dan pemasaran hasil laut "
        "ke luar daerah.",
    ),
    (
        "Agroindustri mangga dan anggur",
        "Probolinggo dikenal dengan mangga manalagi dan arumanis serta anggur Probolinggo.",
        "Olahan buah (sari buah, dodol, keripik), pengemasan dan rantai dingin untuk buah segar, "
        "serta produk oleh-oleh khas.",
    ),
    (
        "Perdagangan dan jasa",
        "Pusat perdagangan di sepanjang Jl. Panglima Sudirman dan Jl. Dr. Sutomo melayani kota dan "
        "kabupaten di sekitarnya.",
        "Kuliner, ritel, jasa kesehatan (klinik, apotek, laboratorium), pendidikan non-formal, dan "
        "akomodasi bagi pekerja dan pelajar.",
    ),
    (
        "Pariwisata kota",
        "Bee Jay Bakau Resort, Museum Probolinggo dan Alun-alun Kota menjadi tujuan wisata, dengan "
        "wisatawan Bromo yang singgah di kota.",
        "Penginapan, biro perjalanan, transportasi wisata, dan kuliner khas.",
    ),
]


@transaction.atomic
def seed_demo() -> int:
    """Create what is missing; return the number of activities created."""
    for code, (kbli, risk) in SERVICE_RISK.items():
        service = Service.objects.filter(code=code).first()
        if service is not None and not service.kbli_code and not service.risk_level:
            service.kbli_code, service.risk_level = kbli, risk
            service._change_reason = "KBLI dan tingkat risiko OSS RBA (data demo)"
            service.save(update_fields=["kbli_code", "risk_level"])
    seed_risk_obligations()
    services = {s.code: s for s in Service.objects.filter(is_active=True)}
    created = 0
    for code, title, keywords, zones, risks, rows in ACTIVITIES:
        activity, was_created = KbliActivity.objects.get_or_create(
            code=code,
            defaults={"title": title, "keywords": keywords, "allowed_zones": [str(z) for z in zones]},
        )
        if not was_created:
            continue
        created += 1
        for scale, risk in zip(("mikro", "kecil", "menengah", "besar"), risks, strict=True):
            ActivityRisk.objects.create(activity=activity, scale=scale, risk_level=risk)
        for order, (service_code, scales, row_zones, note) in enumerate(rows, start=1):
            service = services.get(service_code)
            if service is None:
                continue
            ActivityService.objects.create(
                activity=activity, service=service, order=order, scales=scales, zones=row_zones, note=note
            )
    if not InvestmentInfo.objects.exists():
        InvestmentInfo.objects.create(**INFO)
    if not Sector.objects.exists():
        for order, (name, description, potential) in enumerate(SECTORS, start=1):
            Sector.objects.create(name=name, description=description, potential=potential, order=order)
    return created
